# np.apply_along_axis(func1d, axis, arr): NumPy's steps (func1d once per lane, in C order of the other axes; the first
# result's dtype and shape make the buffer; the result's axes moved to where axis was: a view with NumPy's strides),
# func1d a kernel, a lambda or a NumPy function; NumPy's ValueError when an iteration axis is empty.
import numpy as np


def spread(r):
    return r.max() - r.min()


def grid(n):
    return np.sin(np.arange(n * 12.0)).reshape(n, 3, 4)


# run: scalars(2)
# expect: ([0.9092974268256817, 1.6159108733819276, 1.9893484531740853], [1.7461607419313099, 1.8003952594710348, 1.4533185377150515, 1.6569768052694926], [[1.8918884196934453, -1.3381556694512033, -0.1425345855749348], [1.5244893146781933, -1.8504108456533461, 0.8945291757981091]], [[True, False, False], [True, False, True]], [[0, 0, 1, 1], [1, 0, 0, 0], [0, 1, 1, 1]], (32, 8))
def scalars(n):
    t = grid(n)
    x = t[0]
    return (np.apply_along_axis(spread, 1, x), np.apply_along_axis(spread, 0, x), np.apply_along_axis(np.sum, -1, t),
            np.apply_along_axis(lambda r: r.sum() > 0, 2, t), np.apply_along_axis(lambda r: int(r.argmax()), 0, t),
            np.apply_along_axis(np.mean, 1, t).strides)


# run: lanes(2)
# expect: ([[[1.9787164932467636, 0.8242369704835132, -1.0880422217787395, -1.999980413101407], [-1.5136049906158564, -1.917848549326277, -0.5588309963978517, 1.3139731974375781], [0.0, 1.682941969615793, 1.8185948536513634, 0.2822400161197344]], [[1.8258905014552553, 1.6733112770721121, -0.017702618580807752, -1.6924408083503413], [-0.5758066333301306, -1.9227949837591136, -1.501974493543352, 0.2997544193259047], [-1.0731458360008699, 0.8403340736532818, 1.9812147113897407, 1.3005756803142337]]], [[[-0.5365729180004349, 0.4201670368266409, 0.9092974268256817, 0.1411200080598672], [-0.7568024953079282, -0.9613974918795568, -0.750987246771676, 0.14987720966295234], [0.9129452507276277, 0.4121184852417566, -0.5440211108893698, -0.9999902065507035]], [[0.0, 0.8414709848078965, 0.9906073556948704, 0.6502878401571168], [-0.2879033166650653, -0.9589242746631385, -0.27941549819892586, 0.6569865987187891], [0.9893582466233818, 0.8366556385360561, -0.008851309290403876, -0.8462204041751706]]], [[[-0.7568024953079282, -0.9589242746631385, -0.5440211108893698, -0.9999902065507035], [0.9893582466233818, 0.8414709848078965, 0.9092974268256817, 0.6569865987187891]], [[-0.5365729180004349, -0.9613974918795568, -0.750987246771676, -0.8462204041751706], [0.9129452507276277, 0.8366556385360561, 0.9906073556948704, 0.6502878401571168]]], (64, 8, 16), (3, 3, 4), (24, 8, 72), [[-0.5365729180004349, -0.11640588117379402, 0.8742014745210763, 1.5244893146781933], [-0.2879033166650653, -1.2493008085446222, -2.0002880553162985, -1.8504108456533461], [0.9129452507276277, 1.7496008892636836, 1.7407495799732797, 0.8945291757981091]])
def lanes(n):
    t = grid(n)
    a = np.apply_along_axis(lambda r: r[::-1] * 2, 1, t)
    b = np.apply_along_axis(np.sort, 0, t)
    c = np.apply_along_axis(lambda r: np.array([r.min(), r.max()]), 1, t)
    d = np.apply_along_axis(lambda r: np.outer(r, r), 0, t[0])
    return a, b, c, c.strides, d.shape, d.strides, np.apply_along_axis(np.cumsum, 2, t)[1]


# run: calls(3)
# expect: ([1.0, 22.0, 43.0], 3)
def calls(n):
    seen = [0]
    def count(r):
        seen[0] += 1
        return r[0] * 10 + seen[0]
    out = np.apply_along_axis(count, 1, np.arange(n * 2.0).reshape(n, 2))
    return out, seen[0]


# run: empty_lanes(0)
# expect-error: line 50: ValueError: Cannot apply_along_axis when any iteration dimensions are 0
def empty_lanes(n):
    return np.apply_along_axis(np.sum, 1, np.zeros((n, 3)))
