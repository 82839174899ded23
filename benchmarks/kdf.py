"""How long one password guess costs against a sealed private key (investigator key, officers' key ring).

    python benchmarks/kdf.py

Prints the Argon2id cost shipped in ``store/accounts/sealing.py`` (seal and open, median of 3) beside the
scrypt cost of the old version-1 seals.
"""

from __future__ import annotations

import os
import statistics
import time

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from itatui.store.accounts import sealing


def _median(fn, n: int = 3) -> float:  # noqa: ANN001
    times = []
    for _ in range(n):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    passes, memory = sealing.KDF_COST
    sealed = sealing.seal_secret(os.urandom(32), "a-long-password", b"bench")
    seal = _median(lambda: sealing.seal_secret(os.urandom(32), "a-long-password", b"bench"))
    open_ = _median(lambda: sealing.open_secret(sealed, "a-long-password", b"bench"))
    old = _median(lambda: Scrypt(salt=os.urandom(16), length=32, n=2**15, r=8, p=1).derive(b"a-long-password"))
    print(f"Argon2id {passes} passes × {memory // 1024} MiB: seal {seal:.2f} s, open (one guess) {open_:.2f} s")
    print(f"old scrypt n=2^15 (version-1 seals): {old * 1000:.0f} ms a guess")
    print(f"a 10,000-word list against one stolen key: {10000 * open_ / 3600:.1f} h (was {10000 * old / 60:.0f} min)")


if __name__ == "__main__":
    main()
