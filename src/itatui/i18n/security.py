"""Texts of the security features: passwords, key ring, recovery key, confirmations, check, idle log-out."""

MESSAGES: dict[str, dict[str, str]] = {
    # passwords and accounts
    "err.password_username": {"th": "รหัสผ่านต้องไม่ใช่ชื่อผู้ใช้", "en": "The password cannot be the user name"},
    "err.password_common": {"th": "รหัสผ่านนี้ใช้กันทั่วไป เดาได้ง่าย กรุณาตั้งรหัสผ่านอื่น", "en": "This password is too common; choose another"},
    "err.admin_investigator": {
        "th": "ผู้ดูแลระบบเป็นผู้ตรวจสอบเรื่องทุจริตไม่ได้ (แยกหน้าที่)",
        "en": "An administrator cannot be a corruption-complaint investigator (separation of duties)",
    },
    "identity.err.admin_investigator": {
        "th": "ผู้ดูแลระบบเป็นผู้ตรวจสอบเรื่องทุจริตไม่ได้ (แยกหน้าที่)",
        "en": "An administrator cannot be a corruption-complaint investigator (separation of duties)",
    },
    "shell.check.anchor_now": {
        "th": "จุดยึดท้ายบันทึก: {n} รายการ ลำดับสุดท้าย {id} แฮช {hash}",
        "en": "Audit anchor: {n} records, last {id}, hash {hash}",
    },
    "err.key_loss_confirm": {
        "th": "{username} ถือกุญแจเปิดข้อมูลผู้ร้องเรียน การตั้งรหัสผ่านใหม่แทนจะทำให้กุญแจของเขาใช้ไม่ได้ ต้องยืนยันก่อน",
        "en": "{username} holds a key to complainants' data: a reset makes it unusable; confirm first",
    },
    "err.last_key_holder": {
        "th": "{username} เป็นผู้ถือกุญแจคนสุดท้าย ถ้านำสิทธิ์ออก ข้อมูลผู้ร้องเรียนจะเปิดได้ด้วยกุญแจกู้คืนของสำนักงานเท่านั้น ต้องยืนยันก่อน",
        "en": "{username} is the last key-holder: without them only the office recovery key opens complainants' data; confirm first",
    },
    "err.session_revoked": {
        "th": "บัญชีนี้ถูกระงับหรือเปลี่ยนสิทธิ์แล้ว กรุณาเข้าสู่ระบบใหม่",
        "en": "This account was disabled or its roles changed: log in again",
    },
    "err.kiosk_exit_denied": {
        "th": "ออกจากโหมดตู้บริการได้เฉพาะเจ้าหน้าที่ที่มีสิทธิ์",
        "en": "Only staff allowed to run the kiosk may leave it",
    },
    "shell.cli.confirm_key_loss": {
        "th": "{username} ถือกุญแจเปิดข้อมูลผู้ร้องเรียน ({keys}) ถ้าตั้งรหัสผ่านใหม่แทน กุญแจนี้จะใช้ไม่ได้ ต้องให้ผู้ถือกุญแจคนอื่นมอบให้ใหม่ หรือใช้กุญแจกู้คืนของสำนักงาน ยืนยันหรือไม่ (พิมพ์ yes)",
        "en": "{username} holds a key to complainants' data ({keys}). A reset makes it unusable: another key-holder or the office recovery key must grant it again. Confirm? (type yes)",
    },
    "shell.cli.not_confirmed": {"th": "ยกเลิก ไม่มีการเปลี่ยนแปลง", "en": "Cancelled: nothing changed"},
    # key ring of complaint officers
    "ring.err.no_ring": {
        "th": "ยังไม่มีเจ้าหน้าที่รับเรื่องที่ถือกุญแจ จึงบันทึกข้อมูลผู้ร้องไม่ได้ (ให้ผู้ดูแลระบบเพิ่มเจ้าหน้าที่รับเรื่องก่อน)",
        "en": "No complaint officer holds the key ring yet, so the complainant's details cannot be saved (add a complaint officer first)",
    },
    "ring.err.not_member": {"th": "คุณไม่ได้ถือกุญแจของเจ้าหน้าที่รับเรื่อง หรือรหัสผ่านไม่ถูกต้อง", "en": "You do not hold the officers' key ring, or the password is wrong"},
    "ring.err.admin": {"th": "ผู้ดูแลระบบถือกุญแจข้อมูลผู้ร้องไม่ได้", "en": "An administrator cannot hold the officers' key ring"},
    "ring.granted": {"th": "มอบกุญแจเจ้าหน้าที่รับเรื่องให้ {username} แล้ว", "en": "{username} now holds the complaint officers' key ring"},
    # recovery key
    "recovery.err.code": {"th": "รหัสกู้คืนไม่ถูกต้อง (ตรวจตัวอักษรอีกครั้ง)", "en": "The recovery code is mistyped (check it again)"},
    "recovery.err.code_wrong": {"th": "รหัสกู้คืนนี้ไม่ใช่ของฐานข้อมูลนี้", "en": "This recovery code does not belong to this database"},
    "recovery.err.none": {"th": "ฐานข้อมูลนี้ยังไม่มีกุญแจกู้คืน", "en": "This database has no recovery key"},
    "recovery.err.exists": {"th": "มีกุญแจกู้คืนอยู่แล้ว", "en": "A recovery key exists already"},
    "recovery.err.no_ring": {"th": "ยังไม่มีกุญแจของเจ้าหน้าที่รับเรื่องที่ผูกกับกุญแจกู้คืน", "en": "No officers' key ring is sealed to the recovery key yet"},
    "recovery.err.damaged": {"th": "ข้อมูลกุญแจเสียหาย", "en": "Key data is damaged"},
    "recovery.done": {
        "th": "กู้คืนแล้ว: {username} ได้รับสิทธิ์ {role} ({n} เรื่อง)",
        "en": "Recovered: {username} now holds the {role} key ({n} complaints)",
    },
    "recovery.code_prompt": {"th": "รหัสกู้คืน (จากเอกสารกุญแจกู้คืน)", "en": "Recovery code (from the recovery sheet)"},
    "recovery.reason_prompt": {"th": "เหตุผล", "en": "Reason"},
    "recovery.sheet": {
        "th": (
            "==================== เอกสารกุญแจกู้คืน / RECOVERY SHEET ====================\n"
            "{org}\n\n"
            "รหัสกู้คืน / Recovery code:\n\n    {code}\n\n"
            "พิมพ์เอกสารนี้ ใส่ซองปิดผนึก ให้หัวหน้าส่วนราชการเก็บรักษา ห้ามเก็บในคอมพิวเตอร์\n"
            "ใช้เมื่อผู้ตรวจสอบลืมรหัสผ่านหรือลาออก: itatui recover investigator ผู้ใช้\n"
            "ผู้ที่มีรหัสนี้เปิดตัวตนผู้ร้องเรียนได้ทั้งหมด การใช้ทุกครั้งถูกบันทึกพร้อมเหตุผล\n"
            "==========================================================================="
        ),
        "en": (
            "==================== RECOVERY SHEET ====================\n"
            "{org}\n\n"
            "Recovery code:\n\n    {code}\n\n"
            "Print this, seal it in an envelope, give it to the head of the office. Never keep it on a computer.\n"
            "Used when the investigators forget their passwords or leave: itatui recover investigator USER\n"
            "Whoever holds it can open every complainant's identity; each use is audited with its reason.\n"
            "========================================================"
        ),
    },
    # seed-demo, received date
    "complaint.err.seed_real_data": {
        "th": "ฐานข้อมูลนี้มีเรื่องร้องเรียนจริง ไม่เพิ่มข้อมูลตัวอย่าง (ใช้ฐานข้อมูลแยกสำหรับสาธิต)",
        "en": "This database holds real complaints: no synthetic ones are added (use a separate demo database)",
    },
    "complaint.err.received_old": {
        "th": "วันที่รับเรื่องก่อน {date} (ก่อนปีงบประมาณที่แล้ว) ต้องระบุเหตุผล",
        "en": "A date received before {date} (before the previous fiscal year) needs a reason",
    },
    "desk.intake.received_reason": {"th": "เหตุผลวันที่ย้อนหลัง", "en": "Reason for an old date"},
    # check
    "shell.check.anchor": {"th": "จุดยึดท้ายห่วงโซ่บันทึก (ไฟล์ข้างฐานข้อมูล)", "en": "the audit chain's anchor (file beside the database)"},
    "shell.check.registry": {"th": "เลขรับเรื่องไม่ขาดช่วง", "en": "registry numbers without gaps"},
    "shell.check.creation": {"th": "ทุกเรื่องและทุกโครงการมีบันทึกการสร้าง", "en": "a creation record for every complaint and project"},
    "shell.check.key_holders": {"th": "ผู้ถือกุญแจทุกคนได้รับมอบตามบันทึก", "en": "every key-holder's grant is in the audit log"},
    "shell.check.anchor_missing": {
        "th": "บันทึกการใช้งานลำดับที่ {id} ที่จุดยึดอ้างถึงหายไป (ท้ายบันทึกถูกตัดหรือล้าง เหลือ {n} รายการ)",
        "en": "Audit record {id} named by the anchor is gone (the log's tail was cut or wiped; {n} left)",
    },
    "shell.check.anchor_hash": {
        "th": "บันทึกการใช้งานลำดับที่ {id} ไม่ตรงกับจุดยึด (บันทึกถูกเขียนใหม่)",
        "en": "Audit record {id} does not match the anchor (the log was rewritten)",
    },
    "shell.check.anchor_count": {
        "th": "จำนวนบันทึกการใช้งานถึงจุดยึดเปลี่ยนจาก {was} เป็น {now}",
        "en": "The number of audit records up to the anchor changed from {was} to {now}",
    },
    "shell.check.anchor_behind": {
        "th": "มีบันทึกการใช้งาน {n} รายการหลังจุดยึด (ลำดับที่ {id}) ที่ไม่ได้เขียนผ่านโปรแกรม",
        "en": "{n} audit records after the anchor (record {id}) were not written through the app",
    },
    "shell.check.registry_gap": {
        "th": "ทะเบียน {registry}: มี {n} เรื่อง แต่เลขรับถึง {last} (เลขขาดช่วง)",
        "en": "Registry {registry}: {n} complaints but numbers up to {last} (a gap)",
    },
    "shell.check.no_creation_record": {
        "th": "{entity} ลำดับที่ {id} ไม่มีบันทึกการสร้างในบันทึกการใช้งาน",
        "en": "{entity} {id} has no creation record in the audit log",
    },
    "shell.check.key_without_grant": {
        "th": "{username} (ลำดับที่ {id}) ถือกุญแจโดยไม่มีบันทึกการมอบสิทธิ์",
        "en": "{username} (id {id}) holds a key with no grant in the audit log",
    },
    # idle log-out
    "shell.idle_logout": {
        "th": "ออกจากระบบอัตโนมัติ เพราะไม่มีการใช้งานนานเกิน {minutes} นาที บนหน้าจอที่มีข้อมูลส่วนบุคคล",
        "en": "Logged out after {minutes} idle minutes on a screen showing personal data",
    },
}
