# Small matmul nests of constant sizes whose rows of c are shorter than a vector run as register tiles at tier 2
# (back/llvm/tile.c): a lane per element of c, the adds of each element in the loop's order. Every tier prints
# the same bits: special values (nan, inf, -0.0, subnormals) included, the operands in either order, any constant
# to start from; nests the tile does not take (c the same array as a, a statement more) stay as written.
import numpy as np

def fill(a, seed, scale):
    x = seed
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            x = (x * 1103515245 + 12345) % 2147483648
            a[i, j] = (x / 2147483648.0 - 0.5) * scale
    return x

# run: f32_4x4(7)
# expect: [[0.000428422266850248, 3.1061274057719857e-05, -4.513691601459868e-05, -0.00041342261829413474], [0.0009952995460480452, 0.0001205059525091201, 0.0010993292089551687, -0.0009523332701064646], [0.0005270806141197681, -0.00020898066577501595, -0.00017300774925388396, -0.0001079469220712781], [-0.001035209745168686, 0.00045833384501747787, -0.0007555853808298707, 9.503422916168347e-05]]
def f32_4x4(seed):
    a = np.zeros((4, 4), dtype=np.float32)
    b = np.zeros((4, 4), dtype=np.float32)
    c = np.zeros((4, 4), dtype=np.float32)
    s0 = fill(a, seed, 3.0)
    fill(b, s0, 1e-3)
    for i in range(4):
        for j in range(4):
            s = np.float32(0)
            for k in range(4):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c

# run: f64_4x4(11)
# expect: [[0.22383459899485492, -0.38360110856248425, 0.3372522155435948, -0.1519317830878372], [-0.1565088287193539, 0.11789623786174343, -0.05274681727101736, -0.11411753735320611], [0.6299404842096172, -0.8485882073856647, 0.7778685150838243, -0.3426551709909751], [-0.33252057574347627, 0.6631652691012262, -0.6536137684956749, 0.4919553905719343]]
def f64_4x4(seed):
    a = np.zeros((4, 4))
    b = np.zeros((4, 4))
    c = np.zeros((4, 4))
    s0 = fill(a, seed, 7.0)
    fill(b, s0, 0.25)
    for i in range(4):
        for j in range(4):
            s = 0.0
            for k in range(4):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c

# run: tall(3)
# expect: [[0.3299374580383301, 0.6405330300331116, 0.02887338399887085, 1.2011040449142456], [0.029238779097795486, 0.27158161997795105, -0.11864703893661499, 0.3277429938316345], [0.022919680923223495, 0.4935741424560547, 0.4350382089614868, 0.14881452918052673], [0.01505964994430542, 0.7224447727203369, -0.0748816728591919, 1.5434982776641846], [0.22287973761558533, 0.30264636874198914, -0.2209075689315796, 0.9630787968635559], [-0.20366328954696655, -0.32341060042381287, -0.34340545535087585, -0.26589691638946533], [1.6829909086227417, 0.47023433446884155, 1.317220687866211, 0.3652873635292053], [0.878548264503479, 1.0946564674377441, 0.5168898105621338, 2.135197877883911]]
def tall(seed):
    # 8 rows of 4: two tiles of four rows; b read as b * a, the sum as product + s, from 0.5
    a = np.zeros((8, 4), dtype=np.float32)
    b = np.zeros((4, 4), dtype=np.float32)
    c = np.zeros((8, 4), dtype=np.float32)
    s0 = fill(a, seed, 2.0)
    fill(b, s0, 2.0)
    for i in range(8):
        for j in range(4):
            s = np.float32(0.5)
            for k in range(4):
                s = b[k, j] * a[i, k] + s
            c[i, j] = s
    return c

# run: specials()
# expect: ['nan', 'nan', 'nan', 'nan', 'inf', '-inf', 'inf', 'inf', 'inf', '4.0', 'inf', '2.5521175e+38', '0.0', '0.0', '0.0', '-0.0']
def specials():
    # nan, inf, the largest float32, -0.0 and a subnormal: each lane's adds in order (a product that overflows is inf,
    # inf - inf is nan, -0.0 + -0.0 stays -0.0)
    a = np.zeros((4, 4), dtype=np.float32)
    b = np.zeros((4, 4), dtype=np.float32)
    c = np.zeros((4, 4), dtype=np.float32)
    for i in range(4):
        for j in range(4):
            a[i, j] = SA[i, j]
            b[i, j] = SB[i, j]
    for i in range(4):
        for j in range(4):
            s = np.float32(-0.0)
            for k in range(4):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    out = []
    for i in range(4):
        for j in range(4):
            out.append(str(c[i, j]))
    return out

SA = np.array(((np.nan, 1.0, 1.0, 1.0), (np.inf, 1.0, -1.0, 1e-45), (3.4028235e38, 3.4028235e38, -1.5, 2.0),
               (-0.0, -0.0, -0.0, -0.0)), dtype=np.float32)
SB = np.array(((1.0, -1.0, 2.0, 0.5), (1.0, 1.0, -1e-45, 0.25), (2.0, 0.0, 1.0, 1.0), (-0.0, 2.0, 1.0, 1.0)),
              dtype=np.float32)

# run: in_place(5)
# expect: [[-0.2581518888473511, -0.025895535945892334, -0.1296616494655609, -0.1589067578315735], [-0.11631020903587341, 0.05980974808335304, -0.02922104299068451, -0.06887120753526688], [0.26892736554145813, -0.23699529469013214, 0.3211548626422882, -0.12966473400592804], [0.03297598287463188, 0.05447988584637642, -0.042469702661037445, 0.028199460357427597]]
def in_place(seed):
    # c is a: each row of a read after the rows before it were written (no tile: the same array)
    a = np.zeros((4, 4), dtype=np.float32)
    b = np.zeros((4, 4), dtype=np.float32)
    s0 = fill(a, seed, 1.0)
    fill(b, s0, 1.0)
    c = a
    for i in range(4):
        for j in range(4):
            s = np.float32(0)
            for k in range(4):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return a

# run: more_work(9)
# expect: ([[0.10719459503889084, -0.025894302874803543, -0.03466425836086273, 0.012444555759429932], [0.10280785709619522, -0.06800797581672668, 0.008334454149007797, 0.008836071938276291], [-0.0005462951958179474, 0.1647343933582306, -0.4108133316040039, 0.313686341047287], [-0.27418646216392517, 0.0014783432707190514, 0.2555750012397766, -0.16259054839611053]], 64)
def more_work(seed):
    # a statement more in the k loop: the loops as written
    a = np.zeros((4, 4), dtype=np.float32)
    b = np.zeros((4, 4), dtype=np.float32)
    c = np.zeros((4, 4), dtype=np.float32)
    s0 = fill(a, seed, 1.0)
    fill(b, s0, 1.0)
    n = 0
    for i in range(4):
        for j in range(4):
            s = np.float32(0)
            for k in range(4):
                s += a[i, k] * b[k, j]
                n += 1
            c[i, j] = s
    return c, n
