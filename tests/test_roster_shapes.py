"""Which of the export's own ids are looked for in answers (``roster.common_id_shapes``)."""

from __future__ import annotations

import pytest

from reflect.roster import common_id_shapes, id_shape, ids_of_shapes


@pytest.mark.parametrize(
    ("ids", "shapes"),
    [
        ([f"E{20000 + i}" for i in range(40)], {"a99999"}),
        ([f"EMP-{i:05d}" for i in range(40)], {"aaa-99999"}),
        (
            [f"M{i:05d}" for i in range(30)] + [f"E{i:06d}" for i in range(30)],
            {"a99999", "a999999"},
        ),
        ([str(1000000 + i) for i in range(50)], {"9999999"}),
        ([str(100000 + i) for i in range(50)], {"999999"}),
        ([f"P{i:04d}" for i in range(50)], {"a9999"}),
        ([str(1000 + i) for i in range(50)], set()),  # "1998" is a year
        ([f"RM{i:03d}" for i in range(50)], set()),  # "p45", "a10", "m25" are words
        (["jane.doe", "raj.patel", "amy.wong", "li.na", "tom.li", "kofi.m"], set()),
        ([f"user_{i:03d}" for i in range(20)], set()),
        ([f"user_{i:04d}" for i in range(20)], {"aaaa_9999"}),
        # A fifth of a first export's ids made up in a word's shape made it common (red team,
        # stop 39): no shape with fewer than five digits is looked for, however common.
        ([f"under-{i}s" for i in range(10, 40)], set()),
        ([f"{1900 + i}s" for i in range(30)], set()),  # decades: an age's proxy (round 14)
        ([f"{1500 + i}-word" for i in range(30)], set()),
        ([f"E{20000 + i}" for i in range(4)], set()),  # fewer than k share it
    ],
)
def test_the_shapes_most_ids_share_and_no_word_has(ids, shapes):
    assert common_id_shapes(ids, 5) == shapes


def test_a_renamed_id_out_of_the_common_shape_is_not_looked_for():
    ids = [*(f"E{20000 + i}" for i in range(30)), "1998", "covid19", "p45", "under-25s"]
    assert ids_of_shapes(ids, common_id_shapes(ids, 5)) == tuple(sorted(ids[:30]))


def test_a_shape_ignores_case():
    assert id_shape("Ab12") == id_shape("aB34") == "aa99"


@pytest.mark.parametrize(
    ("ids", "word"),
    [
        # A word in a common id shape is not looked for: a year ("FY2024"), a standard
        # ("ISO45001"), a date or a round sum (code review, stop 39).
        ([f"EMP{10000 + i}" for i in range(40)], "ISO45001"),
        ([f"AB{1000 + i}" for i in range(40)], "FY2024"),
        ([str(20240000 + i) for i in range(40)], "20250314"),
        ([str(100000 + i) for i in range(40)], "250000"),
    ],
)
def test_a_word_or_a_date_in_a_common_shape_is_not_looked_for(ids, word):
    shapes = common_id_shapes([*ids, word], 5)
    assert id_shape(word) in shapes
    assert word not in ids_of_shapes([*ids, word], shapes, ["fy", "iso"])
