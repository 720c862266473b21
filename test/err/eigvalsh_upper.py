# eigvalsh of the upper triangle is not supported yet
import numpy as np
def f(n):
    return np.linalg.eigvalsh(np.eye(n), UPLO="U")
# run: f(2)
