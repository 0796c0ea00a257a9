"""Report writers, one per file; each registers itself in ``reflect.report.writers``."""
