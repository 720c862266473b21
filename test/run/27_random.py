# Section 11a: Python's random and NumPy's legacy np.random, seeded in the kernel: the same numbers as
# CPython 3.11 and NumPy 2 (the same Mersenne Twister, seeding and conversions), and their errors
import random
import numpy as np
from random import randint as rint

# run: py_stream(42)
# expect: (0.6394267984578837, 4, 2.741550499759833, 0.017593105583573694, 11.095923292679956, 1, 40, 17, 600832336208, 0, -4)
def py_stream(seed):
    random.seed(seed)
    a = random.random()
    b = random.randint(1, 100)
    c = random.uniform(2.0, 3.0)
    d = random.gauss(0.0, 1.0)
    e = random.gauss(10.0, 2.0)
    f = random.randrange(10)
    g = random.randrange(5, 50, 7)
    h = random.randrange(50, 5, -3)
    i = random.getrandbits(40)
    j = random.getrandbits(0)
    k = rint(-5, 5)
    return a, b, c, d, e, f, g, h, i, j, k

# run: py_stream(0)
# expect: (0.8444218515250481, 98, 2.890243920837131, 2.5110373812253317, 11.305754405611909, 7, 26, 8, 913899456057, 0, -1)

# run: py_stream(-7)
# expect: (0.32383276483316237, 20, 2.3948234964231734, 1.7709944512239164, 11.108845643946115, 1, 19, 23, 996681516149, 0, 3)

# run: py_stream(1099511627779)
# expect: (0.21978710637116716, 71, 2.8337623036996415, -0.7785405973938746, 9.309814221522647, 6, 12, 29, 616571785181, 0, 0)

# run: monte_carlo_pi(10000, 1)
# expect: 3.1416
def monte_carlo_pi(n, seed):
    random.seed(seed)
    inside = 0
    for _ in range(n):
        x = random.random()
        y = random.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n

# run: choice_shuffle(3)
# expect: ([1, 3, 4, 6, 5, 2], [1.0, 3.0, 2.0, 0.0, 4.0], 6, 2.5)
def choice_shuffle(seed):
    random.seed(seed)
    a = [1, 2, 3, 4, 5, 6]
    random.shuffle(a)
    b = np.arange(5.0)
    random.shuffle(b)
    c = random.choice(a)
    d = random.choice([2.5])
    return a, b, c, d

# random.choice of a tuple and of a string: the draw CPython's seq[randbelow(len(seq))] makes
# run: walk(3, 12)
# expect: ([0, -1, -2, -1, 0, -1, -2, -1, 0, -1, -2, -1, 0], 'TCCCT', 'a')
def walk(seed, n):
    random.seed(seed)
    x = 0
    path = [0]
    for _ in range(n):
        x += random.choice((-1, 1))
        path.append(x)
    word = ""
    for _ in range(5):
        word += random.choice("ACGT")
    return path, word, random.choice(("a", "bc"))

# run: py_errors(1)
# expect-error: line 76: ValueError: empty range for randrange() (5, 2, -3)
def py_errors(k):
    random.seed(k)
    return random.randint(5, 1)

# run: py_errors2(0)
# expect-error: line 81: ValueError: empty range for randrange()
def py_errors2(k):
    return random.randrange(k)

# run: py_errors3(0)
# expect-error: line 86: ValueError: zero step for randrange()
def py_errors3(k):
    return random.randrange(1, 10, k)

# run: py_errors4(0)
# expect-error: line 92: IndexError: Cannot choose from an empty sequence
def py_errors4(k):
    a = [1] * k
    return random.choice(a)

# run: np_stream(42)
# expect: (0.3745401188473625, 0.9507143064099162, 0.6476885381006925, 8.046059712816051, -0.687962719115127, 2, 6, 375095422321, 1.5792128155073915, 0.020584494295802447)
def np_stream(seed):
    np.random.seed(seed)
    a = np.random.random()
    b = np.random.rand()
    c = np.random.randn()
    d = np.random.normal(5.0, 2.0)
    e = np.random.uniform(-1.0, 1.0)
    f = np.random.randint(0, 10)
    g = np.random.randint(7)
    h = np.random.randint(-3, 2**40)
    i = np.random.standard_normal()
    j = np.random.random_sample()
    return a, b, c, d, e, f, g, h, i, j

# run: np_stream(0)
# expect: (0.5488135039273248, 0.7151893663724195, 0.9787379841057392, 9.481786398402916, -0.15269040132219058, 5, 2, 300891291093, -0.10321885179355784, 0.7917250380826646)

# run: np_stream(4294967295)
# expect: (0.0976320289940138, 0.9123828453026218, 0.6484086742306527, 6.338647061267633, -0.9641206520265095, 2, 3, 116697488522, 0.31595808265170017, 0.4142464457254096)

# run: np_arrays(1)
# expect: ([0.417022004702574, 0.7203244934421581, 0.00011437481734488664], [[0.30233257263183977, 0.14675589081711304], [0.0923385947687978, 0.1862602113776709]], [-1.1059350760083153, -1.6545154524065693, -2.363468604780012], [0.6852195003967595, 0.20445224973151743, 0.8781174363909454, 0.027387593197926163], [1.1353453479001385, -0.8599066067340536, 1.7726076293654278], [[5.586898284457517, 1.4038693859523377, 1.981014890848788], [8.007445686755366, 9.682615757193975, 3.1342417815924284]], [22, 57, 1, 0, 60], [[2, 1], [1, 6]])
def np_arrays(seed):
    np.random.seed(seed)
    a = np.random.rand(3)
    b = np.random.rand(2, 2)
    c = np.random.randn(3)
    d = np.random.random(4)
    e = np.random.normal(0.0, 1.0, 3)
    f = np.random.uniform(0.0, 10.0, (2, 3))
    g = np.random.randint(0, 100, size=5)
    h = np.random.randint(1, 7, (2, 2))
    return a, b, c, d, e, f, g, h

# run: np_walk(200, 7)
# expect: (-0.23560536362386394, -0.9505010865997074, 0.6036125254546462)
def np_walk(n, seed):
    np.random.seed(seed)
    x = 0.0
    path = np.zeros(n)
    for i in range(n):
        x += np.random.normal(0.0, 0.1)
        path[i] = x
    return path.mean(), path.min(), path.max()

# run: np_errors(-1)
# expect-error: line 144: ValueError: Seed must be between 0 and 2**32 - 1
def np_errors(s):
    np.random.seed(s)
    return np.random.random()

# run: np_errors2(3)
# expect-error: line 150: ValueError: low >= high
def np_errors2(k):
    return np.random.randint(k, k)

# run: np_errors3(0)
# expect-error: line 155: ValueError: high <= 0
def np_errors3(k):
    return np.random.randint(k)

# run: np_errors4(1)
# expect-error: line 160: ValueError: scale < 0
def np_errors4(k):
    return np.random.normal(0.0, -1.0 * k)
