# np.random.shuffle, permutation and choice (legacy stream; lower/random.c, written in Python as RandomState's
# steps): random_interval(i) is randint(0, i + 1)'s draw, so a seeded kernel shuffles and chooses as NumPy does —
# lists and 1-d arrays item by item, n-d arrays by rows; choice with and without replacement, of an int or of a
# sequence's items, one or a shaped array; NumPy's errors.
import numpy as np

# run: perm(5)
# expect: ([3, 1, 2, 4, 5], [0.0, 2.0, 1.0, 4.0, 5.0, 3.0], [[4, 5], [0, 1], [2, 3]], [1, 0, 2, 3, 4], [2.5, 3.5, 1.5], [[4, 5], [0, 1], [2, 3]], [7, 8, 9])
def perm(n):
    np.random.seed(0)
    x = [1, 2, 3, 4, 5]
    np.random.shuffle(x)
    a = np.arange(6.0)
    np.random.shuffle(a)
    m = np.arange(6).reshape(3, 2)
    np.random.shuffle(m)
    return x, a, m, np.random.permutation(n), np.random.permutation(np.array([1.5, 2.5, 3.5])), np.random.permutation(m), np.random.permutation([7, 8, 9])

# run: choices(5)
# expect: (4, 2.5, [0, 3, 3], [0, 2, 1], [[2.5, 1.5], [1.5, 2.5]], [[1, 2], [3, 4]], [5, 2, 3, 4], 2, [])
def choices(n):
    np.random.seed(0)
    return (np.random.choice(5), np.random.choice([1.5, 2.5]), np.random.choice(5, 3), np.random.choice(5, 3, replace=False),
            np.random.choice(np.array([1.5, 2.5]), (2, 2)), np.random.choice(n, (2, 2), replace=False), np.random.choice(np.arange(10), 4, False),
            np.random.choice(3, replace=False), np.random.choice(n, 0))

# run: kernel_arg_shuffled(4)
# expect: [5.0, 7.0, 4.0, 6.0, 3.0, 1.0, 0.0, 2.0]
def kernel_arg_shuffled(n):
    np.random.seed(3)
    a = np.arange(n * 2.0)
    shuffle_it(a)
    return a

def shuffle_it(a):
    np.random.shuffle(a)

# run: too_many(3)
# expect-error: line 41: ValueError: Cannot take a larger sample than population when 'replace=False'
def too_many(n):
    return np.random.choice(n, n + 1, replace=False)

# run: empty_choice(0)
# expect-error: line 46: ValueError: 'a' cannot be empty unless no samples are taken
def empty_choice(n):
    return np.random.choice(np.zeros(n))

# run: nonpositive(0)
# expect-error: line 51: ValueError: a must be greater than 0 unless no samples are taken
def nonpositive(n):
    return np.random.choice(n, 2)
