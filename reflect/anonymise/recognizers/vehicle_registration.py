"""Vehicle registrations: the current UK format, two letters, two digits, three letters
("KX21 RZT", "lk19abc"), and any country's after the vehicle it is on ("truck PZ 8782V",
"the van B-KL 4410"). A registration is one vehicle and, beside a shift or a yard, one
driver: held-out exports (logistics managers, 4 December 2026; a logistics firm's
reverse mentoring, 5 December: four continental plates) wrote them."""

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
        # capitals and digits in two or three groups, two digits and a capital among them
        re.compile(
            r"(?i:\b(?:truck|lorry|van|vehicle|trailer|tractor|bus|car|reg|registration|plate)"
            r"\s+(?:no\.?\s+)?)(?P<value>(?=(?:[A-Z -]*\d){2})(?=[A-Z0-9 -]*[A-Z])"
            r"[A-Z0-9]{1,5}(?:[ -][A-Z0-9]{1,5}){1,2})(?![\w-])"
        ),
    )
