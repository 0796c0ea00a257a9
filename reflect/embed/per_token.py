"""Per-token activation scales for ONNX Runtime's dynamically quantised MatMuls.

``quantize_dynamic`` quantises each MatMul's input with one scale for the whole input tensor:
the largest value anywhere in the batch sets it, so a text's vector depends on the texts it
happens to be batched with (and on their padding). A workspace caches vectors, so a report
would then depend on which runs came before it. Here each token row gets its own scale
(symmetric, zero point 128), so a text's vector is the same in any batch, and closer to the
fp32 model's (dev, ReflectSumm answers: mean cosine 0.997 against 0.993, 10 nearest
neighbours 0.94 against 0.89 the same; about 0.8x the per-tensor speed).

The rewrite, for each ``DynamicQuantizeLinear(x)`` and the ``MatMulInteger -> Cast -> Mul``
chains it feeds:

- ``x_scale = max(|x|) / 127`` over each row's last axis, shape ``[..., 1]``;
- ``x_q = QuantizeLinear(x, x_scale, 128)`` row by row (``x`` flattened to 2-D, axis 0);
- ``y = MatMulIntegerToFloat(x_q, W_q, 1, W_scale, 128, W_zero) * x_scale``.

ONNX Runtime's own ``MatMulIntegerToFloat`` fusion assumes a scalar input scale, so the
chain is rewritten here, already fused, rather than left for it to fuse wrongly.
"""

from __future__ import annotations

import numpy as np

DOMAIN = "com.microsoft"  # MatMulIntegerToFloat is an ONNX Runtime contrib operator


def per_token_scales(model) -> None:
    """Rewrite ``model`` (an ``onnx.ModelProto`` from ``quantize_dynamic``) in place."""
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    weights = {i.name for i in graph.initializer}
    producer = {out: node for node in graph.node for out in node.output}
    consumers: dict[str, list] = {}
    for node in graph.node:
        for name in node.input:
            consumers.setdefault(name, []).append(node)

    constants = {
        "pt_127": np.array(127, np.float32),
        "pt_tiny": np.array(1e-8, np.float32),
        "pt_one": np.array(1.0, np.float32),
        "pt_zero_point": np.array(128, np.uint8),
        "pt_zero_point_f": np.array(128, np.float32),
        "pt_zero_f": np.array(0, np.float32),
        "pt_flat": np.array([-1], np.int64),
    }
    graph.initializer.extend(numpy_helper.from_array(v, k) for k, v in constants.items())

    replaced, dropped = {}, set()
    for node in graph.node:
        if node.op_type == "DynamicQuantizeLinear":
            replaced[id(node)] = _quantise_rows(helper, TensorProto, node)
        elif node.op_type == "MatMulInteger":
            x_q, w_q = node.input[:2]
            w_zero = node.input[3] if len(node.input) > 3 else ""  # optional: 0 when absent
            (cast,) = consumers[node.output[0]]
            (rescale,) = consumers[cast.output[0]]
            if cast.op_type != "Cast" or rescale.op_type != "Mul":
                raise ValueError(f"unexpected quantised MatMul pattern at {node.name}")
            scales = next(i for i in rescale.input if i != cast.output[0])
            scale_product = producer[scales]  # Mul(x_scale, W_scale)
            w_scale = next(i for i in scale_product.input if i in weights)
            x_scale = next(i for i in scale_product.input if i not in weights)
            dropped |= {id(cast), id(rescale), id(scale_product)}
            # The row scales multiply the output in a Mul of their own: MatMulIntegerToFloat
            # documents a scalar input scale (given one per row it happens to apply them,
            # but not when a bias is folded in too), so nothing here relies on more.
            unscaled = rescale.output[0] + "_unscaled"  # (a node's name may be empty)
            replaced[id(node)] = [
                helper.make_node(
                    "MatMulIntegerToFloat",
                    [x_q, w_q, "pt_one", w_scale, "pt_zero_point", w_zero],
                    [unscaled],
                    domain=DOMAIN,
                ),
                helper.make_node("Mul", [unscaled, x_scale], [rescale.output[0]]),
            ]
    nodes = []
    for node in graph.node:
        if id(node) in replaced:
            nodes += replaced[id(node)]
        elif id(node) not in dropped:
            nodes.append(node)
    del graph.node[:]
    graph.node.extend(nodes)
    if not any(o.domain == DOMAIN for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid(DOMAIN, 1))


def _quantise_rows(helper, TensorProto, node) -> list:
    """``DynamicQuantizeLinear(x) -> (x_q, x_scale, x_zero)`` as per-row symmetric uint8
    (``x_zero`` is left unused: every row's zero point is 128)."""
    x = node.input[0]
    x_q, x_scale, _ = node.output
    p = x_q + "_"
    make = helper.make_node
    return [
        make("ReduceMax", [x], [p + "max"], keepdims=1, axes=[-1]),
        make("ReduceMin", [x], [p + "min"], keepdims=1, axes=[-1]),
        make("Neg", [p + "min"], [p + "neg_min"]),
        make("Max", [p + "max", p + "neg_min", "pt_tiny"], [p + "abs_max"]),
        make("Div", [p + "abs_max", "pt_127"], [x_scale]),
        # QuantizeLinear takes one scale per slice along one axis: rows of x as 2-D.
        make("Shape", [x], [p + "shape"]),
        make("Shape", [x], [p + "width"], start=-1),
        make("Concat", ["pt_flat", p + "width"], [p + "rows_shape"], axis=0),
        make("Reshape", [x, p + "rows_shape"], [p + "rows"]),
        make("Reshape", [x_scale, "pt_flat"], [p + "row_scales"]),
        # A zero point per row (all 128), as QuantizeLinear wants one per scale.
        make("Mul", [p + "row_scales", "pt_zero_f"], [p + "zeros"]),
        make("Add", [p + "zeros", "pt_zero_point_f"], [p + "row_zero_f"]),
        make("Cast", [p + "row_zero_f"], [p + "row_zero"], to=TensorProto.UINT8),
        make("QuantizeLinear", [p + "rows", p + "row_scales", p + "row_zero"], [p + "q"], axis=0),
        make("Reshape", [p + "q", p + "shape"], [x_q]),
    ]
