# int(s, base): CPython's prefixes, underscores, letters as digits, and its errors

# run: parse('ff', 16)
# expect: 255
# run: parse('0x1f', 0)
# expect: 31
# run: parse(' -0o17 ', 8)
# expect: -15
# run: parse('0X_A', 0)
# expect: 10
# run: parse('-8000000000000000', 16)
# expect: -9223372036854775808
# run: parse('z', 36)
# expect: 35
# run: parse('00', 0)
# expect: 0
# run: parse('1_000', 0)
# expect: 1000
# run: parse('010', 0)
# expect-error: line 36: ValueError: invalid literal for int() with base 0: '010'
# run: parse('12', 2)
# expect-error: line 36: ValueError: invalid literal for int() with base 2: '12'
# run: parse('1', 1)
# expect-error: line 36: ValueError: int() base must be >= 2 and <= 36, or 0
# run: parse('1', 37)
# expect-error: line 36: ValueError: int() base must be >= 2 and <= 36, or 0
# run: parse('1__0', 16)
# expect-error: line 36: ValueError: invalid literal for int() with base 16: '1__0'
# run: parse('0x', 16)
# expect-error: line 36: ValueError: invalid literal for int() with base 16: '0x'
# run: parse('1_', 16)
# expect-error: line 36: ValueError: invalid literal for int() with base 16: '1_'
# run: parse('', 16)
# expect-error: line 36: ValueError: invalid literal for int() with base 16: ''
def parse(s, b):
    return int(s, b)

# run: literals(10)
# expect: (255, 31, 5, -15, 35, 1000, 255, 0, 7)
def literals(n):
    return int("ff", 16), int("0x1F", 0), int("0b101", 2), int(" -0o17 ", 8), int("z", 36), int("1_000", 0), int("0x_ff", 16), int("00", 0), int(str(n), base=7)
