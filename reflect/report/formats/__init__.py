"""Report formats, one per file; each registers a ``ReportFormat`` in
``reflect.report.report_formats``."""
