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
        ([str(100000 + i) for i in range(50)], set()),  # "250000" is a sum of money
        ([str(1000 + i) for i in range(50)], set()),  # "1998" is a year
        ([f"RM{i:03d}" for i in range(50)], set()),  # "p45", "a10", "m25" are words
        (["jane.doe", "raj.patel", "amy.wong", "li.na", "tom.li", "kofi.m"], set()),
        ([f"user_{i:03d}" for i in range(20)], set()),
        # A fifth of a first export's ids made up in a word's shape made it common (red team,
        # stop 39): no shape with fewer than five digits is looked for, however common.
        ([f"under-{i}s" for i in range(10, 40)], set()),
        ([f"fy{2000 + i}" for i in range(30)], set()),
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
