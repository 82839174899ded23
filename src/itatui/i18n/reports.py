"""Texts of printed reports (the report engine and each report's words) and their errors."""

MESSAGES: dict[str, dict[str, str]] = {
    # engine
    "report.page": {"th": "หน้า", "en": "Page"},
    "report.err.render": {"th": "สร้างเอกสาร PDF ไม่สำเร็จ: {detail}", "en": "Could not make the PDF: {detail}"},
    "report.err.write": {"th": "บันทึกไฟล์ {path} ไม่สำเร็จ: {detail}", "en": "Could not save {path}: {detail}"},
    "report.err.paper": {"th": "ไม่รองรับกระดาษขนาด {paper} (ใช้ได้: {allowed})", "en": "Paper size {paper} is not supported (use {allowed})"},
    "report.err.template": {"th": "ไม่พบแม่แบบเอกสาร {name}", "en": "Report template {name} not found"},
    "report.err.font_missing": {
        "th": "ไม่พบฟอนต์ {family} (ติดตั้งแพ็กเกจ fontpkg-sarabun)",
        "en": "Font {family} not found (install the fontpkg-sarabun package)",
    },
    # the complaint receipt
    "report.err.kind": {"th": "ประเภทเรื่องร้องเรียนไม่ถูกต้อง: {kind}", "en": "Unknown complaint type: {kind}"},
    "report.err.corruption_name": {
        "th": "ใบรับเรื่องร้องเรียนการทุจริตต้องไม่แสดงชื่อผู้ร้องเรียน",
        "en": "A corruption complaint's receipt must not show the complainant's name",
    },
    "report.err.no_tracking_code": {"th": "ยังไม่มีรหัสติดตาม", "en": "The tracking code is missing"},
    "report.receipt.title": {"th": "ใบรับเรื่องร้องเรียน", "en": "Complaint receipt"},
    "report.receipt.copy_complainant": {"th": "(ส่วนของผู้ร้องเรียน)", "en": "(Complainant's copy)"},
    "report.receipt.stub_title": {"th": "ต้นขั้วใบรับเรื่อง (ส่วนของเจ้าหน้าที่)", "en": "Receipt stub (office copy)"},
    "report.receipt.cut_here": {"th": "ตัดตามรอยประ", "en": "cut here"},
    "report.receipt.tracking_code": {"th": "รหัสติดตามเรื่อง", "en": "Tracking code"},
    "report.receipt.tracking_hint": {
        "th": "โปรดเก็บรหัสนี้ไว้ ใช้ติดตามเรื่องของท่าน",
        "en": "Keep this code: you need it to follow up your complaint",
    },
    "report.receipt.registry": {"th": "เลขรับ", "en": "Registry no."},
    "report.receipt.kind": {"th": "ประเภทเรื่อง", "en": "Type"},
    "report.receipt.kind.general": {"th": "เรื่องร้องทุกข์/ร้องเรียนทั่วไป", "en": "General complaint"},
    "report.receipt.kind.corruption": {
        "th": "เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
        "en": "Corruption or misconduct complaint",
    },
    "report.receipt.channel": {"th": "ช่องทาง", "en": "Channel"},
    "report.receipt.received": {"th": "วันที่รับเรื่อง", "en": "Received"},
    "report.receipt.received_value": {"th": "{date} เวลา {time} น.", "en": "{date}, {time}"},
    "report.receipt.subject": {"th": "เรื่อง", "en": "Subject"},
    "report.receipt.complainant": {"th": "ผู้ร้องเรียน", "en": "Complainant"},
    "report.receipt.due": {"th": "กำหนดแจ้งผล", "en": "Answer due"},
    "report.receipt.due_value": {"th": "ภายในวันที่ {date}", "en": "by {date}"},
    "report.receipt.due_days": {"th": "({days} วันนับจากวันรับเรื่อง)", "en": "({days} days from receipt)"},
    "report.receipt.due_working_days": {"th": "({days} วันทำการนับจากวันรับเรื่อง)", "en": "({days} working days from receipt)"},
    "report.receipt.next_steps": {"th": "ขั้นตอนต่อไป", "en": "What happens next"},
    "report.receipt.step.forward": {
        "th": "ส่งเรื่องให้หน่วยงานที่รับผิดชอบตรวจสอบและแก้ไข",
        "en": "The complaint goes to the responsible unit, which checks the facts and acts on them",
    },
    "report.receipt.step.forward_confidential": {
        "th": "ส่งเรื่องให้ผู้มีอำนาจตรวจสอบ โดยปกปิดข้อมูลผู้ร้องเรียน",
        "en": "The complaint goes to the officials empowered to investigate, with the complainant's identity kept secret",
    },
    "report.receipt.step.inform": {
        "th": "แจ้งผล (ยุติเรื่อง/ไม่ยุติ) ให้ท่านทราบภายในวันที่ {date}",
        "en": "You are told the result (concluded / continued) by {date}",
    },
    "report.receipt.step.delay": {
        "th": "หากไม่ทันกำหนด จะแจ้งเหตุผลและกำหนดวันใหม่ให้ทราบ",
        "en": "If it cannot be done in time, you are told why and by when",
    },
    "report.receipt.follow_up": {"th": "การติดตามเรื่อง", "en": "How to follow up"},
    "report.receipt.follow.phone": {
        "th": "โทรศัพท์ {phone} แล้วแจ้งรหัสติดตามแก่เจ้าหน้าที่",
        "en": "Call {phone} and give the tracking code",
    },
    "report.receipt.follow.office": {"th": "ติดต่อด้วยตนเองที่ {office}", "en": "Come to {office}"},
    "report.receipt.follow.kiosk": {
        "th": "ตรวจสอบสถานะที่จุดบริการ itatui ของสำนักงาน ด้วยรหัส {code}",
        "en": "Check the status at the office's itatui kiosk with the code {code}",
    },
    "report.receipt.confidential": {
        "th": "ข้อมูลผู้ร้องเรียนได้รับการคุ้มครองและเก็บรักษาเป็นความลับ "
        "เฉพาะเจ้าหน้าที่ผู้มีอำนาจตรวจสอบเท่านั้นที่เข้าถึงได้",
        "en": "The complainant's identity is protected and kept confidential; "
        "only the officials empowered to investigate can see it",
    },
    "report.receipt.sign": {"th": "ลงชื่อ", "en": "Signed"},
    "report.receipt.officer": {"th": "เจ้าหน้าที่ผู้รับเรื่อง", "en": "Receiving officer"},
    "report.receipt.ack": {"th": "ผู้ร้องเรียน (ได้รับใบรับเรื่องแล้ว)", "en": "Complainant (receipt received)"},
}
