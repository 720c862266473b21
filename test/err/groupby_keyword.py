# groupby takes key= (and accumulate func= and initial=) only
import itertools
def f(xs):
    return [k for k, g in itertools.groupby(xs, keys=abs)]
# run: f([1, 2])
