"""Synthetic complaints for demos and benchmarks (``itatui seed-demo --complaints N``).

Realistic on purpose: Thai subjects and details built from templates (roads, water, waste, lights, noise …),
the usual channels, dates spread over several fiscal years, statuses that follow the age of each complaint,
and timelines (forwarded, investigated, told, closed, sometimes delayed). Every name, ID and phone is invented;
IDs carry a valid check digit. Corruption complaints get a sealed identity when an investigator exists, else
they are anonymous.

Fast: rows go in with core INSERT executemany in batches of ``batch`` (one write transaction each), registry
numbers are taken from ``RegistryCounter`` a batch at a time (so counters stay consistent with what desks
allocate), and one audit record covers the whole run.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import sqlalchemy as sa
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from itatui.domain import idcard, tracking
from itatui.domain.complaint_clock import BANGKOK, due_date, local_date
from itatui.domain.complaints import STAGE, Audience, Channel, ComplaintKind, ContactPref, EventKind, NoticeMethod, Outcome
from itatui.domain.fiscal import fiscal_year, fiscal_year_range
from itatui.domain.roles import SYSTEM, Actor
from itatui.store import audit
from itatui.store.accounts import recovery
from itatui.store.complaints import identity
from itatui.store.complaints.settings import clock_rule_in
from itatui.store.complaints.types import Complainant
from itatui.store.db import write_scope
from itatui.store.models import Complaint, ComplaintEvent, ComplaintKey, Organisation, RegistryCounter, Unit
from itatui.store.models.base import utcnow

T = Complaint.__table__  # type: ignore[attr-defined]
E = ComplaintEvent.__table__  # type: ignore[attr-defined]
K = ComplaintKey.__table__  # type: ignore[attr-defined]

DEMO_UNITS = [("สป.", "สำนักปลัด"), ("กองคลัง", "กองคลัง"), ("กองช่าง", "กองช่าง"),
              ("ศึกษาฯ", "กองการศึกษา"), ("สาธารณสุขฯ", "กองสาธารณสุขและสิ่งแวดล้อม")]

_PLACES = ["ซอยศรีสะอาด", "ถนนเขมราฐ-นาตาล", "ชุมชนท่าเรือ", "ชุมชนโพธิ์ศรี", "บ้านนาแวง", "ชุมชนหนองผำ",
           "ตลาดสดเทศบาล", "ถนนอุทัยวัฒนา", "ซอยวัดกลาง", "ชุมชนดอนตะหนิน", "บ้านโนนสว่าง", "ท่าน้ำริมโขง",
           "ถนนสุขาภิบาล ๑", "ถนนสุขาภิบาล ๒", "ชุมชนเหล่าแดง", "หน้าโรงเรียนอนุบาลเขมราฐ", "ซอยประชาร่วมใจ",
           "บ้านหนองสิม", "ชุมชนศรีเขมราฐ", "ถนนริมโขง"]
_GENERAL = [
    ("ถนนชำรุดเป็นหลุมบ่อ", "ถนนเป็นหลุมลึกหลายจุด รถจักรยานยนต์ล้มไปแล้ว {n} คัน ขอให้ซ่อมแซมโดยด่วน"),
    ("ไฟฟ้าส่องสว่างดับ", "ไฟทางดับมา {n} วันแล้ว ตอนกลางคืนมืดมาก เกรงว่าจะเกิดอันตรายกับคนเดินทาง"),
    ("ขยะไม่ได้รับการจัดเก็บ", "รถเก็บขยะไม่มาเก็บมา {n} วัน ขยะล้นถังส่งกลิ่นเหม็นและมีสุนัขมาคุ้ย"),
    ("น้ำประปาไม่ไหล", "น้ำประปาไหลอ่อนหรือไม่ไหลเลยช่วงเช้า ประมาณ {n} หลังคาเรือนได้รับผลกระทบ"),
    ("ท่อระบายน้ำอุดตัน", "ฝนตกแล้วน้ำท่วมขังสูงประมาณ {n} เซนติเมตร เพราะท่อระบายน้ำอุดตัน"),
    ("เสียงดังรบกวนยามวิกาล", "มีการเปิดเพลงเสียงดังหลังเที่ยงคืนติดต่อกัน {n} คืน รบกวนการพักผ่อน"),
    ("กิ่งไม้พาดสายไฟ", "กิ่งต้นไม้ใหญ่พาดสายไฟฟ้า มีประกายไฟ {n} ครั้งเมื่อมีลมแรง"),
    ("สุนัขจรจัดจำนวนมาก", "มีสุนัขจรจัดประมาณ {n} ตัว ไล่กัดเด็กนักเรียนที่เดินผ่าน"),
    ("ยุงชุกชุม ขอให้พ่นหมอกควัน", "มีผู้ป่วยไข้เลือดออกในชุมชน {n} ราย ขอให้พ่นหมอกควันกำจัดยุง"),
    ("ร้านค้าวางสินค้ากีดขวางทางเท้า", "ร้านค้าวางสินค้าล้ำทางเท้ายาวประมาณ {n} เมตร คนเดินต้องลงไปเดินบนถนน"),
    ("ขอให้ตัดหญ้าข้างทาง", "หญ้าข้างทางสูงบังทางโค้ง เกิดอุบัติเหตุเฉี่ยวชนแล้ว {n} ครั้ง"),
    ("ควันจากการเผาขยะ", "มีการเผาขยะทุกเย็นเป็นเวลา {n} วัน ควันเข้าบ้านเด็กเล็กไอ"),
]
_CORRUPTION = [
    ("เรียกรับเงินในการออกใบอนุญาต", "มีการเรียกรับเงินเพิ่ม {n},000 บาท เพื่อให้ออกใบอนุญาตก่อสร้างได้เร็วขึ้น", "เจ้าหน้าที่กองช่าง"),
    ("จัดซื้อจัดจ้างไม่โปร่งใส", "การจัดจ้างก่อสร้างถนนมีผู้เสนอราคารายเดียว ราคาสูงกว่าท้องตลาดประมาณ {n}0,000 บาท", "คณะกรรมการจัดซื้อจัดจ้าง"),
    ("ใช้รถราชการไปธุระส่วนตัว", "พบรถยนต์ส่วนกลางจอดที่บ้านพักในวันหยุด {n} ครั้ง", "พนักงานขับรถ สำนักปลัด"),
    ("ก่อสร้างไม่เป็นไปตามแบบ", "ถนนคอนกรีตหนาไม่ถึงตามแบบ แตกร้าวหลังส่งมอบเพียง {n} เดือน", "ผู้รับจ้างและผู้ควบคุมงาน"),
    ("เบิกค่าตอบแทนโดยไม่ได้ปฏิบัติงาน", "มีรายชื่อเบิกค่าล่วงเวลา {n} วัน แต่ไม่ได้มาปฏิบัติงานจริง", "เจ้าหน้าที่กองคลัง"),
]
_FIRST = ["สมชาย", "สมหญิง", "บุญมี", "ประเสริฐ", "มาลี", "วันเพ็ญ", "สุนทร", "อรุณี", "ทองดี", "คำปุน", "บัวผัน", "สายสุนีย์"]
_LAST = ["ใจดี", "ศรีสุข", "บุญมา", "พรหมวงศ์", "แก้วกล้า", "สุขสวัสดิ์", "ทองคำ", "ศรีเขมราฐ", "จันทร์หอม", "วงศ์ไทย"]
_CHANNEL_WEIGHTS = [(Channel.WALK_IN, 30), (Channel.PHONE, 25), (Channel.LETTER, 8), (Channel.WEBSITE, 6),
                    (Channel.FACEBOOK, 12), (Channel.LINE, 10), (Channel.BOX, 4), (Channel.DAMRONGDHAM, 4), (Channel.OTHER, 1)]


def _fake_id(rng: random.Random) -> str:
    body = str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(11))
    return body + str(idcard.check_digit(body))


def _ensure_org(s: Session, wanted: int | None) -> tuple[int, list[int]]:
    if wanted is not None:
        org_id = wanted
    else:
        org_id = s.exec(select(Organisation.id).order_by(col(Organisation.id)).limit(1)).first()
        if org_id is None:
            org = Organisation(name="เทศบาลตำบลเขมราฐ", district="เขมราฐ", province="อุบลราชธานี")
            s.add(org)
            s.flush()
            org_id = org.id
    units = s.exec(select(Unit.id).where(Unit.organisation_id == org_id, Unit.is_all == False).order_by(col(Unit.id))).all()  # noqa: E712
    if not units:
        for code, name in DEMO_UNITS:
            s.add(Unit(organisation_id=org_id, code=code, name=name))
        s.flush()
        units = s.exec(select(Unit.id).where(Unit.organisation_id == org_id).order_by(col(Unit.id))).all()
    return int(org_id or 0), list(units)


def _allocate_range(s: Session, org_id: int, fy: int, kind: str, count: int) -> int:
    """Take ``count`` registry numbers at once; returns the first."""
    from itatui.store.complaints.intake import allocate_registry_no

    first = allocate_registry_no(s, org_id, fy, kind)
    if count > 1:
        s.execute(sa.update(RegistryCounter.__table__).where(  # type: ignore[attr-defined]
            RegistryCounter.__table__.c.organisation_id == org_id, RegistryCounter.__table__.c.fiscal_year == fy,  # type: ignore[attr-defined]
            RegistryCounter.__table__.c.kind == kind).values(last_no=first + count - 1))  # type: ignore[attr-defined]
    return first


def seed_complaints(
    engine: Engine,
    n: int,
    *,
    actor: Actor = SYSTEM,
    organisation_id: int | None = None,
    years: int = 4,
    corruption_share: float = 0.1,
    seed: int | None = None,
    now: datetime | None = None,
    batch: int = 5000,
    progress: Callable[[int], None] | None = None,
) -> int:
    """Add ``n`` synthetic complaints received over the last ``years`` fiscal years up to ``now``."""
    rng = random.Random(seed)
    now = now or utcnow()
    today = local_date(now)
    first_day = fiscal_year_range(fiscal_year(today) - years + 1)[0]
    span = (now - datetime.combine(first_day, time(8), BANGKOK)).total_seconds()
    start = datetime.combine(first_day, time(8), BANGKOK).astimezone(UTC)
    done = 0
    with write_scope(engine) as s:
        org_id, units = _ensure_org(s, organisation_id)
        rule = clock_rule_in(s, org_id)
    while done < n:
        size = min(batch, n - done)
        with write_scope(engine) as s:
            keys = identity.recipients(s)
            rows: list[tuple[dict, dict]] = []
            for i in range(done, done + size):
                # Evenly spread, jittered, increasing: registry numbers follow the dates.
                received = start + timedelta(seconds=span * (i + rng.random()) / n)
                rows.append(_make_row(rng, received, now, today, rule, units, corruption_share, bool(keys), org_id))
            _number(s, rows, org_id)
            _unique_codes(s, rows)
            _seal_personal(s, rows)
            for row, extra in rows:
                if extra["who"] is not None:
                    # Sealed before the insert (bound to the tracking code); wrapped once ids are known.
                    extra["data_key"] = AESGCM.generate_key(bit_length=256)
                    row["identity_sealed"] = identity.seal_identity(extra["who"], extra["data_key"], row["tracking_code"])
            ids = _insert(s, [r for r, _ in rows])
            recovery_public = recovery.public_key(s)
            extra_keys = {cid: extra.get("data_key") for cid, (_row, extra) in zip(ids, rows, strict=True)}
            events, wraps = [], []
            for cid, (row, extra) in zip(ids, rows, strict=True):
                events.extend(_events(rng, cid, row, extra, units))
                if extra["who"] is not None:
                    wraps.extend(_wraps(cid, extra["data_key"], keys))
            if events:
                s.execute(sa.insert(E), events)
            if wraps:
                s.execute(sa.insert(K), wraps)
                for w in wraps:
                    if w["user_id"] == wraps[0]["user_id"]:  # once per complaint: the recovery key's wrap
                        recovery.wrap_complaint(s, w["complaint_id"], extra_keys[w["complaint_id"]], recovery_public)
            done += size
            if done >= n:
                audit.record(s, actor, "seed", "complaint", "", after={"count": n, "organisation_id": org_id})
        if progress:
            progress(done)
    return done


def _make_row(rng: random.Random, received: datetime, now: datetime, today: date, rule, units: list[int], corruption_share: float,
              can_seal: bool, org_id: int) -> tuple[dict, dict]:  # noqa: ANN001
    day = local_date(received)
    corruption = rng.random() < corruption_share
    place = rng.choice(_PLACES)
    if corruption:
        subject, details, accused = rng.choice(_CORRUPTION)
    else:
        (subject, details), accused = rng.choice(_GENERAL), ""
    details = details.format(n=rng.randint(2, 30)) + f" บริเวณ{place} หมู่ที่ {rng.randint(1, 12)}"
    due = due_date(day, rule)
    age = (today - day).days
    # Old complaints are mostly finished; recent ones are spread over the open stages.
    if age > 45:
        stage = rng.choices([5, 4, 3, 2], [90, 6, 2, 2])[0]
    elif age > 15:
        stage = rng.choices([5, 4, 3, 2, 1], [55, 20, 15, 7, 3])[0]
    else:
        stage = rng.choices([5, 4, 3, 2, 1], [5, 10, 30, 30, 25])[0]
    status = next(s for s, v in STAGE.items() if v == stage)
    delayed = stage >= 3 and rng.random() < 0.06
    final_due = due + timedelta(days=rng.randint(7, 30)) if delayed else due
    told_at = closed_at = None
    if stage >= 4:
        told_day = day + timedelta(days=max(1, min(age, int(rng.triangular(2, rule.days + 10, 9)))))
        told_at = datetime.combine(min(told_day, today), time(rng.randint(9, 15), rng.randint(0, 59)), BANGKOK).astimezone(UTC)
        told_at = max(received, min(max(told_at, received + timedelta(hours=2)), now))
    if stage == 5 and told_at is not None:
        closed_at = told_at + timedelta(days=rng.randint(0, 5), hours=rng.randint(1, 8))
        closed_at = max(told_at, min(closed_at, now))
    anonymous = rng.random() < (0.4 if corruption else 0.12)
    general_named = not corruption and not anonymous
    who = None
    name = f"{rng.choice(['นาย', 'นาง', 'นางสาว'])}{rng.choice(_FIRST)} {rng.choice(_LAST)}"
    phone = f"0{rng.choice('689')}{rng.randint(0, 9)}-{rng.randint(0, 999):03d}-{rng.randint(0, 9999):04d}"
    if corruption and not anonymous:
        if can_seal:
            who = Complainant(name, _fake_id(rng) if rng.random() < 0.5 else "", phone, "")
        else:
            anonymous = True
    row = {
        "organisation_id": org_id, "kind": ComplaintKind.CORRUPTION.value if corruption else ComplaintKind.GENERAL.value,
        "fiscal_year": fiscal_year(day), "registry_no": 0, "tracking_code": "",
        "channel": rng.choices([c for c, _ in _CHANNEL_WEIGHTS], [w for _, w in _CHANNEL_WEIGHTS])[0].value,
        "received_at": received, "due_date": final_due, "initial_due_date": due,
        "subject": f"{subject} {place}", "details": details, "place": f"หมู่ที่ {rng.randint(1, 12)}", "accused": accused,
        "unit_id": rng.choice(units) if stage >= 2 and units else None, "assigned_user_id": None,
        "status": status.value, "stage": stage,
        "outcome": (Outcome.CONCLUDED if rng.random() < 0.8 else Outcome.CONTINUED).value if stage >= 4 else "",
        "outcome_reason": "ดำเนินการแก้ไขเรียบร้อยแล้ว" if stage >= 4 else "",
        "result_told_at": told_at, "closed_at": closed_at,
        "satisfaction": rng.choices([5, 4, 3, 2, 1, None], [35, 30, 15, 5, 3, 12])[0] if stage == 5 else None,
        "anonymous": anonymous,
        "contact_pref": (ContactPref.CODE_ONLY if anonymous else rng.choice([ContactPref.PHONE, ContactPref.PHONE, ContactPref.IN_PERSON])).value,
        "complainant_name": name if general_named else "", "complainant_national_id": _fake_id(rng) if general_named and rng.random() < 0.4 else "",
        "complainant_phone": phone if general_named else "", "complainant_address": "",
        "identity_sealed": None, "personal_sealed": None, "synthetic": True, "created_by": None, "created_at": received, "updated_at": closed_at or told_at or received,
    }
    return row, {"who": who, "delayed": delayed, "day": day}


def _seal_personal(s: Session, rows: list[tuple[dict, dict]]) -> None:
    """Synthetic names go where real ones do: sealed to the officers' key ring (dropped if there is none)."""
    from itatui.store.accounts import keyring
    from itatui.store.complaints.personal import seal

    ring = keyring.ring_row(s)
    for row, _extra in rows:
        who = Complainant(row["complainant_name"], row["complainant_national_id"], row["complainant_phone"], row["complainant_address"])
        if ring is not None and not who.is_empty():
            row["personal_sealed"] = seal(bytes(ring.public_key), who, row["tracking_code"])
        row["complainant_name"] = row["complainant_national_id"] = row["complainant_phone"] = row["complainant_address"] = ""


def _insert(s: Session, rows: list[dict]) -> list[int]:
    if s.get_bind().dialect.name == "sqlite":
        # We hold the write lock: number the rows ourselves and use the driver's executemany (RETURNING would
        # send them one by one).
        top = s.execute(sa.select(sa.func.coalesce(sa.func.max(T.c.id), 0))).scalar_one()
        for k, row in enumerate(rows, start=1):
            row["id"] = top + k
        s.execute(sa.insert(T), rows)
        return [row["id"] for row in rows]
    return [r[0] for r in s.execute(sa.insert(T).returning(T.c.id, sort_by_parameter_order=True), rows)]


def _number(s: Session, rows: list[tuple[dict, dict]], org_id: int) -> None:
    groups: dict[tuple[int, str], list[dict]] = {}
    for row, _ in rows:
        groups.setdefault((row["fiscal_year"], row["kind"]), []).append(row)
    for (fy, kind), members in sorted(groups.items()):
        first = _allocate_range(s, org_id, fy, kind, len(members))
        for k, row in enumerate(members):
            row["registry_no"] = first + k


def _unique_codes(s: Session, rows: list[tuple[dict, dict]]) -> None:
    codes = {tracking.new_code() for _ in range(len(rows) + 16)}
    taken = set(s.execute(sa.select(T.c.tracking_code).where(T.c.tracking_code.in_(list(codes)))).scalars())
    free = list(codes - taken)
    while len(free) < len(rows):  # practically never: a second draw
        extra = tracking.new_code()
        if extra not in codes and s.execute(sa.select(T.c.id).where(T.c.tracking_code == extra)).first() is None:
            free.append(extra)
            codes.add(extra)
    for (row, _), code in zip(rows, free, strict=False):  # free may hold a few spare codes
        row["tracking_code"] = code


def _events(rng: random.Random, cid: int, row: dict, extra: dict, units: list[int]) -> list[dict]:
    rec = row["received_at"]
    out = [{"complaint_id": cid, "kind": EventKind.RECEIVED.value, "audience": Audience.COMPLAINANT.value, "at": rec,
            "notice_date": extra["day"], "method": "", "text": "", "unit_id": None, "user_id": None,
            "assigned_user_id": None, "old_due_date": None, "new_due_date": None, "outcome": "", "satisfaction": None}]

    def ev(kind: EventKind, audience: Audience, at: datetime, **kw) -> None:  # noqa: ANN003
        base = dict(out[0], kind=kind.value, audience=audience.value, at=at, notice_date=None)
        base.update(kw)
        out.append(base)

    stage = row["stage"]
    if stage >= 2:
        ev(EventKind.FORWARDED, Audience.INTERNAL, rec + timedelta(hours=3), unit_id=row["unit_id"], text="ส่งหน่วยงานที่รับผิดชอบตรวจสอบ")
    if stage >= 3:
        ev(EventKind.INVESTIGATING, Audience.INTERNAL, rec + timedelta(days=1), text="ออกตรวจพื้นที่")
        if rng.random() < 0.2:
            ev(EventKind.NOTE, Audience.INTERNAL, rec + timedelta(days=2), text="ประสานหน่วยงานที่เกี่ยวข้องแล้ว")
    if extra["delayed"]:
        at = rec + timedelta(days=5)
        ev(EventKind.DELAY, Audience.COMPLAINANT, at, notice_date=local_date(at), method=NoticeMethod.PHONE.value,
           text="รอผลการตรวจสอบจากหน่วยงานภายนอก", old_due_date=row["initial_due_date"], new_due_date=row["due_date"])
    if stage >= 4 and row["result_told_at"] is not None:
        at = row["result_told_at"]
        ev(EventKind.RESULT, Audience.COMPLAINANT, at, notice_date=local_date(at), method=NoticeMethod.LETTER.value,
           text=row["outcome_reason"], outcome=row["outcome"])
    if stage == 5 and row["closed_at"] is not None:
        ev(EventKind.CLOSED, Audience.INTERNAL, row["closed_at"], satisfaction=row["satisfaction"])
    return out


def _wraps(cid: int, data_key: bytes, keys: list[tuple[int, bytes]]) -> list[dict]:
    now = utcnow()
    return [{"complaint_id": cid, "user_id": uid, "created_at": now,
             "wrapped_key": identity.wrap_data_key(data_key, pub, identity.wrap_context(cid, uid))} for uid, pub in keys]


def seed_demo(engine: Engine, actor: Actor, n: int, **options) -> int:  # noqa: ANN003
    """``itatui seed-demo``: an administrator adds synthetic complaints, never into a database that holds real
    ones (they would mix into real registries). Everything made is marked ``synthetic``."""
    from itatui.domain.roles import Perm, require
    from itatui.store.complaints.types import ComplaintError
    from itatui.store.db import session_scope
    from itatui.store.models import Complaint

    require(actor, Perm.USERS_MANAGE)
    with session_scope(engine) as s:
        real = s.exec(select(Complaint.id).where(Complaint.synthetic == False).limit(1)).first()  # noqa: E712
    if real is not None:
        raise ComplaintError("complaint.err.seed_real_data")
    return seed_complaints(engine, n, actor=actor, **options)
