"""Numbers written as words, shared by the recognizers that read them ("fifty-eight",
"oh seven seven double four")."""

from __future__ import annotations

_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TEENS = [
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
    "eighteen", "nineteen",
]  # fmt: skip
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

# 10 to 99 in words: "sixteen", "forty", "fifty-eight", "sixty one".
AGE_WORDS = (
    r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:" + "|".join(_UNITS) + r"))?"
    r"|" + "|".join(_TEENS) + r")"
)

# One spoken digit: "oh", "zero", "seven", "double four" (two digits), "triple nine".
DIGIT_WORD = r"(?:(?:double|triple)\s+)?(?:zero|oh|o|nought|" + "|".join(_UNITS) + r")"


def spoken_digits(text: str) -> int:
    """How many digits a run of spoken digits stands for ("double four" is two)."""
    words = text.lower().replace(",", " ").replace("-", " ").split()
    count, factor = 0, 1
    for word in words:
        if word == "double":
            factor = 2
        elif word == "triple":
            factor = 3
        else:
            count, factor = count + factor, 1
    return count
