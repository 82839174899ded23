"""What wrapping the project sheet at Thai word boundaries costs: loading PyThaiNLP (once per run, in a worker
when a sheet is first shown) and segmenting a sheet's paragraphs."""

from __future__ import annotations

import time

TEXT = ("เพื่อให้ผู้บริหารและพนักงานส่วนท้องถิ่นร่วมติดตามตรวจสอบการดำเนินงานขององค์กรปกครองส่วนท้องถิ่น "
        "และเสริมสร้างความโปร่งใสในการปฏิบัติราชการ ") * 4


def main() -> None:
    t0 = time.perf_counter()
    from itatui.domain.text import thai_words, wrap_words

    t1 = time.perf_counter()
    thai_words("ติดตามตรวจสอบ")
    t2 = time.perf_counter()
    for _ in range(20):
        wrap_words(thai_words(TEXT), 70)
    t3 = time.perf_counter()
    print(f"import itatui.domain.text: {1000 * (t1 - t0):.1f} ms")
    print(f"first segmentation (loads pythainlp + dictionary): {1000 * (t2 - t1):.0f} ms")
    print(f"segment + wrap one {len(TEXT)}-character paragraph: {1000 * (t3 - t2) / 20:.2f} ms")


if __name__ == "__main__":
    main()
