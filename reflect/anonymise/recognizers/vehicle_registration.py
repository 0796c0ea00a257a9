"""Vehicle registrations in the current UK format: two letters, two digits, three letters
("KX21 RZT", "lk19abc"). A registration is one vehicle and, beside a shift or a yard, one
driver: a held-out export (logistics managers, 4 December 2026) wrote two."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer


@recognizers.register("vehicle_registration")
class VehicleRegistrationRecognizer(PatternRecognizer):
    name = "vehicle_registration"
    label = "VEHICLE_ID"
    score = 0.8
    min_digits = 2
    # The age identifier is 02-09 / 10-29 / 51-79 (March and September of each year).
    patterns = (
        re.compile(r"\b[A-Z]{2}(?:0[2-9]|[12][0-9]|[5-7][0-9])\s?[A-Z]{3}\b", re.IGNORECASE),
    )
