"""Social media handles: ``@jo_codes`` (not the domain part of an email), and handles written
without the "@" where the sentence says they are one ("follow me at jo_codes", "my insta is
kaz.draws", "find me as jo_ops_42", "jo_codes on GitHub")."""

from __future__ import annotations

import re

from reflect.anonymise.recognizers import recognizers
from reflect.anonymise.recognizers._pattern import PatternRecognizer

# A user name: letters with digits, underscores or inner dots ("dataqueen_88", "kaz.draws");
# after an explicit "my username is" or before "@ github", any single word.
_NAME = r"(?=[\w.]*[\d_.])[A-Za-z][\w.]*[A-Za-z0-9_]"
_ANY_NAME = r"[A-Za-z][\w.]*[A-Za-z0-9_]"
_PLATFORM = (
    r"(?:insta(?:gram)?|twitter|x|tiktok|github|gitlab|linkedin|threads|bluesky|mastodon|"
    r"youtube|twitch|reddit|discord|telegram|snapchat|slack|teams|the\s+\w+\s+forum|forum)"
)
_FOLLOW = re.compile(
    rf"\b(?:follow|find|add|dm|message|ping)\s+(?:me|us|my\s+\w+)\s+(?:at|as|on)\s+"
    rf"(?P<value>{_NAME})",
    re.I,
)
_MY_ACCOUNT = re.compile(
    rf"\b(?:my|our|his|her|their)\s+(?:{_PLATFORM}|handle|username|user\s+name)"
    rf"(?:\s+(?:handle|account|name|username))?\s*(?:is|:)\s*(?P<value>{_ANY_NAME})",
    re.I,
)
_AT_PLATFORM = re.compile(rf"(?<![\w@.])(?P<value>{_ANY_NAME})\s*@\s*{_PLATFORM}\b", re.I)
# A web address where a handle was expected: a path follows (the URL recognizer has it).
_WEB_ADDRESS = re.compile(r"[\w.-]*\.[\w-]+/")
_ON_PLATFORM = re.compile(rf"(?<![\w@.])(?P<value>{_NAME})\s+on\s+{_PLATFORM}\b", re.I)


@recognizers.register("handle")
class HandleRecognizer(PatternRecognizer):
    name = "handle"
    label = "HANDLE"
    score = 0.8
    patterns = (
        re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?"),
        _FOLLOW,
        _MY_ACCOUNT,
        _AT_PLATFORM,
        _ON_PLATFORM,
    )

    def valid(self, match: re.Match) -> bool:
        value = match.groupdict().get("value")
        if value is not None and _WEB_ADDRESS.match(match.string, match.start("value")):
            return False  # "my linkedin is linkedin.com/in/...": the address is the URL's
        if value is None or re.search(r"[\d_.]", value):
            return True
        from reflect.anonymise.lexicon import is_ordinary_word

        return not is_ordinary_word(value.lower())  # "my insta is private"
