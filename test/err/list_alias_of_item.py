# an empty list read out of another container and filled through the alias (its items were silently dropped
# before the twenty-fourth session): the outer list's type would not learn them
def f(n):
    rows = [[], []]
    x = rows[0]
    x.append(n)
    return rows
# run: f(3)
