"""Texts of the plan import, its consistency report, the JSON export and the demo seed."""

_F = "import.finding."

MESSAGES: dict[str, dict[str, str]] = {
    "import.finding.organisation_differs": {
        "th": "แผนนี้เป็นของ \"{document}\" แต่ตั้งค่าหน่วยงานไว้เป็น \"{organisation}\" — ตรวจสอบว่าเลือกไฟล์ถูกหน่วยงาน",
        "en": "This plan belongs to \"{document}\" but the organisation set up is \"{organisation}\" — check the file is yours",
    },
    # ---- refusals: nothing is written ----
    "import.err.not_text": {
        "th": "ไฟล์นี้ไม่ใช่ไฟล์ข้อความ (plain text) จึงนำเข้าไม่ได้ ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "This file is not plain text; nothing was imported",
    },
    "import.err.cannot_read": {
        "th": "เปิดไฟล์ {path} ไม่ได้: {reason}",
        "en": "Cannot open {path}: {reason}",
    },
    "import.err.not_a_plan": {
        "th": "ไฟล์นี้ไม่ใช่แผนปฏิบัติการป้องกันการทุจริตตามแบบของ ป.ป.ช. (ไม่พบตารางส่วนที่ ๒ มิติ/ภารกิจ/โครงการ) ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "This is not a NACC-template anti-corruption plan (no Part 2 table of dimensions, missions and projects); nothing was imported",
    },
    "import.err.no_cover": {
        "th": "ไม่พบชื่อแผนและช่วงปี (พ.ศ. ....–....) ที่หน้าปกของเอกสาร ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The cover gives no plan title and period (B.E. ....–....); nothing was imported",
    },
    "import.err.truncated_before_part2": {
        "th": "เอกสารจบก่อนถึงตารางส่วนที่ ๒ (ไฟล์อาจถูกตัดหรือคัดลอกมาไม่ครบ ที่บรรทัด {line}) ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The document ends before the Part 2 table (the file may be cut short, line {line}); nothing was imported",
    },
    "import.err.truncated_part2": {
        "th": "ตารางส่วนที่ ๒ ไม่มีแถว \"รวมทั้งสิ้น\" — ไฟล์ถูกตัดกลางตาราง (อ่านได้ถึงบรรทัด {line}) ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The Part 2 table has no grand-total row — the file is cut inside the table (read up to line {line}); nothing was imported",
    },
    "import.err.no_projects": {
        "th": "ตารางส่วนที่ ๒ (บรรทัด {line}) ไม่มีโครงการ/กิจกรรม/มาตรการเลย ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The Part 2 table (line {line}) lists no project at all; nothing was imported",
    },
    "import.err.truncated_before_part3": {
        "th": "เอกสารจบก่อนถึงส่วนที่ ๓ (รายละเอียดโครงการ) — ไฟล์อาจถูกตัด (บรรทัด {line}) ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The document ends before Part 3 (project details) — the file may be cut short (line {line}); nothing was imported",
    },
    "import.err.truncated_part3": {
        "th": "ส่วนที่ ๓ จบกลางรายละเอียดโครงการ หรือจบก่อนรายละเอียดของโครงการสุดท้าย — ไฟล์ถูกตัดที่ประมาณบรรทัด {line} ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "Part 3 stops inside a project sheet or before the last project's sheet — the file is cut near line {line}; nothing was imported",
    },
    "import.err.duplicate_number": {
        "th": "ตารางส่วนที่ ๒ มีโครงการที่ {number} ซ้ำกัน (บรรทัด {first} และ {line}) จึงแยกโครงการไม่ได้ กรุณาแก้เลขโครงการในเอกสารก่อน ไม่มีการบันทึกข้อมูลใด ๆ",
        "en": "The Part 2 table has project {number} twice (lines {first} and {line}), so they cannot be told apart; renumber them in the document first. Nothing was imported",
    },
    "import.err.progress_would_be_lost": {
        "th": "ไม่นำเข้า: แผนฉบับใหม่ไม่มีโครงการที่ {number} แต่โครงการนี้มีรายงานผลการดำเนินงานบันทึกไว้แล้ว หากต้องการลบ ให้ลบรายงานผลก่อน",
        "en": "Not imported: the new document drops project {number}, which already has progress reports; remove them first if it really goes",
    },
    "import.err.kpi_actuals_would_be_lost": {
        "th": "ไม่นำเข้า: ตัวชี้วัด \"{indicator}\" ของโครงการที่ {number} ไม่มีในแผนฉบับใหม่ แต่มีผลการดำเนินงานบันทึกไว้แล้ว",
        "en": "Not imported: the KPI \"{indicator}\" of project {number} is gone from the new document but already has actual values",
    },
    "import.err.project_referenced": {
        "th": "ไม่นำเข้า: แผนฉบับใหม่ไม่มีโครงการที่ {number} แต่ยังมีข้อมูลอื่นอ้างถึงโครงการนี้ ({table})",
        "en": "Not imported: the new document drops project {number}, which other records still refer to ({table})",
    },
    "import.err.risk_issue_referenced": {
        "th": "ไม่นำเข้า: แผนฉบับใหม่ไม่มีประเด็นความเสี่ยงที่ {issue} ของขั้นตอนที่ {process} แต่ยังมีเรื่องร้องเรียนเชื่อมโยงอยู่",
        "en": "Not imported: the new document drops risk issue {issue} of process {process}, which complaints still link to",
    },
    "import.err.no_such_organisation": {"th": "ไม่พบองค์กรหมายเลข {id}", "en": "No organisation with id {id}"},
    "import.err.bad_seed": {
        "th": "ข้อมูลตั้งต้น {path} อ่านไม่ได้หรือรูปแบบไม่ตรง ({reason})",
        "en": "The seed data {path} is unreadable or not in the expected format ({reason})",
    },
    "import.err.no_plan": {
        "th": "ยังไม่มีแผนในฐานข้อมูลนี้ (นำเข้าด้วย itatui import-plan FILE)",
        "en": "This database holds no plan yet (import one with itatui import-plan FILE)",
    },
    "import.err.no_such_plan": {
        "th": "ไม่พบแผนหมายเลข {plan_id}",
        "en": "No plan with id {plan_id}",
    },
    # ---- report and summary ----
    "import.report.title": {"th": "รายงานความสอดคล้องของเอกสาร: {name}", "en": "Consistency report: {name}"},
    "import.report.counts": {
        "th": "{org} แผนปี {start}–{end}: {dimensions} มิติ {missions} ภารกิจ {projects} โครงการ/กิจกรรม/มาตรการ, ความเสี่ยง {risks} ขั้นตอน, ค่าเป้าหมาย {targets} รายการ",
        "en": "{org}, plan {start}–{end}: {dimensions} dimensions, {missions} missions, {projects} projects, {risks} risk processes, {targets} targets",
    },
    "import.report.none": {"th": "ไม่พบข้อสังเกต", "en": "No findings"},
    "import.report.tally": {
        "th": "ข้อสังเกต {total} รายการ: ข้อผิดพลาด {errors} ไม่สอดคล้อง {warnings} ข้อสังเกตทั่วไป {infos}",
        "en": "{total} findings: {errors} errors, {warnings} inconsistencies, {infos} notes",
    },
    "import.report.line": {"th": "บรรทัด", "en": "line"},
    "import.report.see_also": {"th": "(ดูบรรทัด {lines})", "en": "(see line {lines})"},
    "import.severity.error": {"th": "ผิดพลาด", "en": "error"},
    "import.severity.warning": {"th": "ไม่สอดคล้อง", "en": "warning"},
    "import.severity.info": {"th": "ข้อสังเกต", "en": "note"},
    "import.check_only": {
        "th": "ตรวจสอบอย่างเดียว (--check): ไม่มีการบันทึกข้อมูลลงฐานข้อมูล",
        "en": "Check only (--check): nothing was written to the database",
    },
    "import.summary.created": {
        "th": "นำเข้าแผนใหม่แล้ว (แผนหมายเลข {plan_id}): {projects} โครงการ, งบประมาณ {budgets} รายการ, ตัวชี้วัด {kpis} รายการ, ความเสี่ยง {issues} ประเด็น",
        "en": "New plan imported (plan id {plan_id}): {projects} projects, {budgets} budget rows, {kpis} KPIs, {issues} risk issues",
    },
    "import.summary.unchanged": {
        "th": "แผนนี้มีอยู่ในฐานข้อมูลแล้วและไม่มีการเปลี่ยนแปลง (แผนหมายเลข {plan_id}) — ไม่ได้บันทึกซ้ำ",
        "en": "This plan is already in the database and nothing changed (plan id {plan_id}) — nothing written",
    },
    "import.summary.updated": {
        "th": "ปรับปรุงแผนเดิม (แผนหมายเลข {plan_id}) ตามเอกสารฉบับนี้:",
        "en": "Existing plan updated (plan id {plan_id}) from this document:",
    },
    "import.summary.added": {"th": "  เพิ่มโครงการ: {numbers}", "en": "  projects added: {numbers}"},
    "import.summary.changed": {"th": "  แก้ไขโครงการ: {numbers}", "en": "  projects changed: {numbers}"},
    "import.summary.removed": {"th": "  ลบโครงการ: {numbers}", "en": "  projects removed: {numbers}"},
    "import.summary.budget": {
        "th": "  งบประมาณโครงการที่ {number} ปี {year}: {old} → {new}",
        "en": "  budget of project {number}, {year}: {old} → {new}",
    },
    "import.summary.other": {
        "th": "  ส่วนอื่นที่เปลี่ยน: {parts}",
        "en": "  other parts changed: {parts}",
    },
    "import.summary.part.plan": {"th": "ข้อมูลแผน", "en": "plan details"},
    "import.summary.part.structure": {"th": "มิติ/ภารกิจ", "en": "dimensions/missions"},
    "import.summary.part.targets": {"th": "ค่าเป้าหมาย", "en": "targets"},
    "import.summary.part.risks": {"th": "การประเมินความเสี่ยง", "en": "risk assessment"},
    "import.summary.part.units": {"th": "หน่วยงาน", "en": "units"},
    "import.actor.system": {
        "th": "ฐานข้อมูลยังไม่มีผู้ใช้: ทำรายการในนามระบบ (system)",
        "en": "The database has no users yet: acting as the system",
    },
    "import.export.written": {"th": "บันทึกไฟล์ {path} แล้ว", "en": "Wrote {path}"},
    # ---- CLI help ----
    "import.help.import": {
        "th": "นำเข้าแผนปฏิบัติการป้องกันการทุจริต (ไฟล์ข้อความตามแบบ ป.ป.ช.) พร้อมรายงานความสอดคล้อง",
        "en": "import a NACC-template anti-corruption plan (plain text) and print its consistency report",
    },
    "import.help.import_long": {
        "th": "พิมพ์รายงานข้อสังเกต (พร้อมเลขบรรทัด) แล้วบันทึกแผนลงฐานข้อมูล นำเข้าซ้ำได้โดยไม่เกิดข้อมูลซ้ำ "
        "ถ้าฐานข้อมูลมีผู้ใช้แล้วต้องเข้าสู่ระบบ (--user หรือ ITATUI_USER/ITATUI_PASSWORD) ด้วยสิทธิ์นำเข้าแผน; "
        "ถ้ายังไม่มีผู้ใช้เลย (ฐานข้อมูลใหม่) จะนำเข้าในนามระบบ (system) และสร้างองค์กรจากเอกสาร",
        "en": "Prints the findings (with line numbers), then stores the plan. Importing again never duplicates it. "
        "When the database has users you must log in (--user or ITATUI_USER/ITATUI_PASSWORD) with the plan-import "
        "right; when it has no users yet (a new database) the import runs as the system and creates the "
        "organisation from the document.",
    },
    "import.help.file": {"th": "ไฟล์แผน (.txt)", "en": "the plan file (.txt)"},
    "import.help.check": {"th": "ตรวจสอบและพิมพ์รายงานเท่านั้น ไม่บันทึก", "en": "print the report only; write nothing"},
    "import.help.organisation": {
        "th": "นำเข้าเป็นแผนขององค์กรหมายเลขนี้ (ค่าเริ่มต้น: องค์กรที่ชื่อตรงกับเอกสาร หรือสร้างใหม่)",
        "en": "import as the plan of this organisation id (default: the one named as the document names it, created if missing)",
    },
    "import.help.user": {"th": "ชื่อผู้ใช้ที่ทำรายการ", "en": "username to act as"},
    "import.help.export": {"th": "ส่งออกข้อมูล", "en": "export data"},
    "import.help.export_long": {
        "th": "ส่งออกแผนทั้งฉบับเป็น JSON (รูปแบบอธิบายใน docs/export-format.md) ถ้าฐานข้อมูลมีผู้ใช้ต้องเข้าสู่ระบบด้วยสิทธิ์ดูแผน",
        "en": "Export the whole plan as JSON (format in docs/export-format.md). When the database has users, log in with the right to view the plan.",
    },
    "import.help.what": {"th": "สิ่งที่จะส่งออก (plan แผน, round รอบการเลื่อนขั้นเงินเดือน)", "en": "what to export (plan, or a salary round)"},
    "import.help.format": {"th": "รูปแบบไฟล์", "en": "file format"},
    "import.help.output": {"th": "ไฟล์ปลายทาง (ค่าเริ่มต้น: แสดงทางหน้าจอ)", "en": "output file (default: standard output)"},
    "import.help.plan_id": {"th": "หมายเลขแผน (ค่าเริ่มต้น: แผนที่นำเข้าล่าสุด)", "en": "plan id (default: the latest imported)"},
    # ---- findings ----
    _F + "organisation_not_found": {
        "th": "ไม่พบชื่อองค์กร อำเภอ และจังหวัดที่หน้าปก",
        "en": "The cover names no organisation, district and province",
    },
    _F + "misspelt_dimension": {
        "th": "สะกด \"{text}\" แทน \"มิติ\" (อ่านเป็นมิติตามปกติ)",
        "en": "\"{text}\" is written for \"มิติ\" (dimension); read as มิติ",
    },
    _F + "risk_issue_unnumbered": {
        "th": "ประเด็นความเสี่ยงของขั้นตอนที่ {process} ไม่มีเลขลำดับ บันทึกเป็นประเด็นที่ 1",
        "en": "The risk issue of process {process} is not numbered; stored as issue 1",
    },
    _F + "risk_levels_mismatch": {
        "th": "ขั้นตอนที่ {process} มีระดับความเสี่ยง \"{levels}\" แต่มี {issues} ประเด็น จับคู่ตามลำดับ ประเด็นที่เหลือไม่มีระดับ",
        "en": "Process {process} gives the levels \"{levels}\" for {issues} issues; matched in order, the rest have no level",
    },
    _F + "unplaced_line": {
        "th": "อ่านข้อความนี้ไม่ได้หรือไม่รู้ว่าเป็นของส่วนใด จึงไม่ได้นำเข้า: \"{text}\"",
        "en": "Could not read or place this text, so it was not imported: \"{text}\"",
    },
    _F + "target_unreadable": {"th": "อ่านค่าเป้าหมาย \"{text}\" ไม่ได้", "en": "Cannot read the target value \"{text}\""},
    _F + "budget_unreadable": {"th": "อ่านงบประมาณ \"{text}\" ไม่ได้ บันทึกเป็นไม่มีงบประมาณ", "en": "Cannot read the budget \"{text}\"; stored as no budget"},
    _F + "year_columns_differ": {
        "th": "หัวตารางนี้มีปีงบประมาณ {years} ไม่ตรงกับหัวตารางแรก",
        "en": "This table header has the years {years}, unlike the first header",
    },
    _F + "row_cells": {
        "th": "แถวนี้มี {found} ช่อง (ควรมี {expected} ช่อง) อาจอ่านค่าผิดช่อง",
        "en": "This row has {found} cells ({expected} expected); values may be misplaced",
    },
    _F + "mission_in_wrong_dimension": {
        "th": "ภารกิจ {code} อยู่ใต้มิติที่ {dimension}",
        "en": "Mission {code} sits under dimension {dimension}",
    },
    _F + "stray_dash": {
        "th": "ชื่อโครงการที่ {number} ในส่วนที่ ๒ มีเครื่องหมาย \"-\" เกินมาท้ายชื่อ บันทึกชื่อโดยไม่มี \"-\"",
        "en": "The name of project {number} in Part 2 ends with a stray \"-\"; stored without it",
    },
    _F + "kind_not_stated": {
        "th": "ชื่อโครงการที่ {number} ไม่ขึ้นต้นด้วย โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติ บันทึกประเภทเป็นโครงการ",
        "en": "Project {number}'s name does not start with โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติ; its kind is stored as project",
    },
    _F + "numbering_order": {
        "th": "โครงการที่ {number} มาหลังโครงการที่ {previous} (ลำดับซ้ำหรือย้อน)",
        "en": "Project {number} comes after project {previous} (repeated or backwards numbering)",
    },
    _F + "numbering_gap": {
        "th": "เลขโครงการข้ามจาก {before} ไป {after}: ไม่มีโครงการที่ {missing}",
        "en": "Project numbers jump from {before} to {after}: {missing} missing",
    },
    _F + "budget_extra_values": {
        "th": "ช่องงบประมาณของโครงการที่ {numbers} มีค่ามากกว่าจำนวนโครงการ (\"{cell}\") บันทึกค่าแรกให้โครงการตามลำดับ ค่าที่เกินไม่ได้บันทึก (อาจมีแถวโครงการหายไป)",
        "en": "The budget cells of project {numbers} hold more values than projects (\"{cell}\"); the first values are stored in order, the extra ones dropped (a project row may be missing)",
    },
    _F + "budget_values_short": {
        "th": "ช่องงบประมาณของโครงการที่ {numbers} มีค่าน้อยกว่าจำนวนโครงการ จับคู่ตามลำดับ โครงการที่เหลือบันทึกเป็นไม่มีงบประมาณ",
        "en": "The budget cells of projects {numbers} hold fewer values than projects; matched in order, the rest stored as no budget",
    },
    _F + "units_ambiguous": {
        "th": "โครงการที่ {numbers} ({count} โครงการ) มีหน่วยงานรับผิดชอบ {units} รายการ ไม่อาจจับคู่ได้ จึงบันทึกทุกหน่วยงานในช่อง ({stored}) ให้ทุกโครงการ",
        "en": "Projects {numbers} ({count}) share {units} responsible units that cannot be paired; every project is stored with all of them ({stored})",
    },
    _F + "no_unit": {"th": "โครงการที่ {numbers} ไม่ระบุหน่วยงานรับผิดชอบ", "en": "Projects {numbers} name no responsible unit"},
    _F + "section_repeated": {"th": "หัวข้อ \"{title}\" ซ้ำในรายละเอียดโครงการเดียวกัน", "en": "The section \"{title}\" appears twice in one sheet"},
    _F + "section_renamed": {
        "th": "หัวข้อ \"{title}\" ต่างจากแบบฟอร์ม (\"{expected}\") อ่านเป็นหัวข้อ \"{expected}\"",
        "en": "The section \"{title}\" differs from the template (\"{expected}\"); read as \"{expected}\"",
    },
    _F + "target_group_no_count": {
        "th": "กลุ่มเป้าหมาย \"{text}\" ไม่ระบุจำนวน",
        "en": "The target group \"{text}\" gives no count",
    },
    _F + "section_numbering": {
        "th": "เลขหัวข้อเป็น {found} แต่ควรเป็น {expected}",
        "en": "The section is numbered {found} where {expected} was expected",
    },
    _F + "section_missing": {
        "th": "รายละเอียดโครงการนี้ไม่มีหัวข้อ: {sections}",
        "en": "This project sheet lacks the sections: {sections}",
    },
    _F + "section_no_area": {
        "th": "รายละเอียดโครงการนี้ไม่มีหัวข้อพื้นที่ดำเนินการ (หัวข้อจึงมี ๙ ข้อแทน ๑๐ ข้อ)",
        "en": "This project sheet has no area section (so 9 sections instead of 10)",
    },
    _F + "sheet_unmatched": {
        "th": "รายละเอียดโครงการ \"{name}\" ไม่ตรงกับโครงการใดในส่วนที่ ๒ จึงไม่ได้นำเข้า",
        "en": "The project sheet \"{name}\" matches no project of Part 2, so it was not imported",
    },
    _F + "project_without_sheet": {
        "th": "โครงการที่ {number} ไม่มีรายละเอียดในส่วนที่ ๓",
        "en": "Project {number} has no sheet in Part 3",
    },
    _F + "project_name_punctuation": {
        "th": "ชื่อโครงการที่ {number} ต่างกันเฉพาะเครื่องหมายคำพูด/เว้นวรรค: ส่วนที่ ๒ \"{part2}\" / ส่วนที่ ๓ \"{part3}\" (บันทึกตามส่วนที่ ๒)",
        "en": "Project {number} is named with different quotes/spacing: Part 2 \"{part2}\" / Part 3 \"{part3}\" (Part 2's is stored)",
    },
    _F + "project_name_differs": {
        "th": "ชื่อโครงการที่ {number} ไม่ตรงกัน: ส่วนที่ ๒ \"{part2}\" / ส่วนที่ ๓ \"{part3}\" (บันทึกชื่อตามส่วนที่ ๒ และเก็บชื่อในส่วนที่ ๓ ไว้ด้วย)",
        "en": "Project {number} is named differently: Part 2 \"{part2}\" / Part 3 \"{part3}\" (Part 2's name is stored, Part 3's kept beside it)",
    },
    _F + "sheet_in_other_mission": {
        "th": "โครงการที่ {number} อยู่ในภารกิจ {part2} ในส่วนที่ ๒ แต่รายละเอียดอยู่ใต้ภารกิจ {part3}",
        "en": "Project {number} is under mission {part2} in Part 2 but its sheet is under mission {part3}",
    },
    _F + "dimension_only_in_part3": {
        "th": "มิติที่ {number} มีในส่วนที่ ๓ แต่ไม่มีในตารางส่วนที่ ๒",
        "en": "Dimension {number} appears in Part 3 but not in the Part 2 table",
    },
    _F + "dimension_name_differs": {
        "th": "ชื่อมิติที่ {number} ไม่ตรงกัน: ส่วนที่ ๒ \"{part2}\" / ส่วนที่ ๓ \"{part3}\"",
        "en": "Dimension {number} is named differently: Part 2 \"{part2}\" / Part 3 \"{part3}\"",
    },
    _F + "mission_only_in_part3": {
        "th": "ภารกิจ {code} มีในส่วนที่ ๓ แต่ไม่มีในตารางส่วนที่ ๒",
        "en": "Mission {code} appears in Part 3 but not in the Part 2 table",
    },
    _F + "mission_name_differs": {
        "th": "ชื่อภารกิจ {code} ไม่ตรงกัน: ส่วนที่ ๒ \"{part2}\" / ส่วนที่ ๓ \"{part3}\" (บันทึกตามส่วนที่ ๒)",
        "en": "Mission {code} is named differently: Part 2 \"{part2}\" / Part 3 \"{part3}\" (Part 2's is stored)",
    },
    _F + "mission_empty_unstated": {
        "th": "ภารกิจ {code} ไม่มีโครงการ แต่ส่วนที่ ๓ ไม่ได้ระบุ \"-ไม่มีโครงการ/กิจกรรม/มาตรการ-\"",
        "en": "Mission {code} has no project, but Part 3 does not say \"-ไม่มีโครงการ/กิจกรรม/มาตรการ-\"",
    },
    _F + "mission_not_in_part3": {
        "th": "ภารกิจ {code} ไม่มีหัวข้อในส่วนที่ ๓",
        "en": "Mission {code} has no heading in Part 3",
    },
    _F + "shared_budget_resolved": {
        "th": "โครงการที่ {numbers} ใช้แถวงบประมาณร่วมกัน ({amount} บาทต่อปี) ส่วนที่ ๓ ระบุงบประมาณนี้เฉพาะโครงการที่ {stored} จึงบันทึกให้โครงการที่ {stored} และบันทึกโครงการอื่นเป็นไม่มีงบประมาณ",
        "en": "Projects {numbers} share one budget row ({amount} baht a year); Part 3 gives that amount only to project {stored}, so it is stored on project {stored} and the others have none",
    },
    _F + "shared_budget": {
        "th": "โครงการที่ {numbers} ใช้แถวงบประมาณร่วมกัน ({amount} บาทต่อปี) และส่วนที่ ๓ ไม่ได้ชี้ว่าเป็นของโครงการใด จึงบันทึกให้โครงการที่ {stored} (โครงการแรกในช่อง) และบันทึกโครงการอื่นเป็นไม่มีงบประมาณ",
        "en": "Projects {numbers} share one budget row ({amount} baht a year) and Part 3 does not say whose it is; stored on project {stored} (first in the cell), the others have none",
    },
    _F + "sheet_budget_unreadable": {
        "th": "อ่านงบประมาณในรายละเอียดโครงการที่ {number} ไม่ได้: \"{text}\"",
        "en": "Cannot read the budget in project {number}'s sheet: \"{text}\"",
    },
    _F + "project_budget_differs": {
        "th": "งบประมาณโครงการที่ {number} ไม่ตรงกัน: ส่วนที่ ๒ ({part2}) / ส่วนที่ ๓ \"{part3}\" (บันทึกตามส่วนที่ ๒)",
        "en": "Project {number} is budgeted differently: Part 2 ({part2}) / Part 3 \"{part3}\" (Part 2's is stored)",
    },
    _F + "declared_total_mismatch": {
        "th": "คำนำระบุรวม {declared} โครงการ แต่ส่วนที่ ๒ ระบุ {stated} โครงการ และตารางมีจริง {counted} โครงการ",
        "en": "The preface declares {declared} projects, Part 2 states {stated}, and the table holds {counted}",
    },
    _F + "stated_total_mismatch": {
        "th": "ส่วนที่ ๒ ระบุรวม {stated} โครงการ แต่ตารางมีจริง {counted} โครงการ",
        "en": "Part 2 states {stated} projects but the table holds {counted}",
    },
    _F + "grand_total_count_mismatch": {
        "th": "แถวรวมทั้งสิ้นระบุ {stated} โครงการ แต่ตารางมีจริง {counted} โครงการ",
        "en": "The grand-total row states {stated} projects but the table holds {counted}",
    },
    _F + "declared_sum_mismatch": {
        "th": "คำนำระบุรวม {total} โครงการ แต่ผลรวมรายมิติเป็น {parts} โครงการ",
        "en": "The preface declares {total} projects in all but its per-dimension counts add up to {parts}",
    },
    _F + "dimension_declared_mismatch": {
        "th": "คำนำระบุมิติที่ {dimension} มี {declared} โครงการ แต่ตารางมีจริง {counted} โครงการ",
        "en": "The preface declares {declared} projects for dimension {dimension}; the table holds {counted}",
    },
    _F + "subtotal_missing": {"th": "มิติที่ {dimension} ไม่มีแถวรวม", "en": "Dimension {dimension} has no subtotal row"},
    _F + "subtotal_count_mismatch": {
        "th": "แถวรวมของมิติที่ {dimension} ระบุ {stated} โครงการ แต่นับได้ {counted} โครงการ",
        "en": "The subtotal of dimension {dimension} states {stated} projects; {counted} counted",
    },
    _F + "dimension_declared_missing": {
        "th": "คำนำกล่าวถึงมิติที่ {dimension} แต่ตารางส่วนที่ ๒ ไม่มีมิตินี้",
        "en": "The preface names dimension {dimension}, which the Part 2 table lacks",
    },
    _F + "subtotal_budget_mismatch": {
        "th": "แถวรวมของมิติที่ {dimension} ปี {year} ระบุ {stated} บาท แต่ผลรวมงบประมาณโครงการเป็น {summed} บาท",
        "en": "The subtotal of dimension {dimension} for {year} states {stated} baht; its projects add up to {summed}",
    },
    _F + "grand_total_budget_mismatch": {
        "th": "แถวรวมทั้งสิ้นปี {year} ระบุ {stated} บาท แต่ผลรวมงบประมาณทุกโครงการเป็น {summed} บาท",
        "en": "The grand total for {year} states {stated} baht; all projects add up to {summed}",
    },
    _F + "goal_differs_ita_score": {
        "th": "เป้าหมายในข้อความระบุคะแนน ITA {goal} คะแนนในปี {year} แต่ตารางค่าเป้าหมายระบุ {target} คะแนน (บันทึกตามตาราง)",
        "en": "The goals text sets an ITA score of {goal} for {year}, the targets table {target} (the table's value is stored)",
    },
    _F + "goal_differs_case_reduction_pct": {
        "th": "เป้าหมายในข้อความระบุคดีทุจริตลดลงร้อยละ {goal} ในปี {year} แต่ตารางค่าเป้าหมายระบุร้อยละ {target} (บันทึกตามตาราง)",
        "en": "The goals text sets corruption cases down {goal} % for {year}, the targets table {target} % (the table's value is stored)",
    },
    _F + "goal_without_target_ita_score": {
        "th": "เป้าหมายคะแนน ITA {value} ในปี {year} ไม่มีในตารางค่าเป้าหมาย",
        "en": "The ITA goal of {value} for {year} is not in the targets table",
    },
    _F + "goal_without_target_case_reduction_pct": {
        "th": "เป้าหมายคดีทุจริตลดลงร้อยละ {value} ในปี {year} ไม่มีในตารางค่าเป้าหมาย",
        "en": "The goal of cases down {value} % for {year} is not in the targets table",
    },
    _F + "year_columns_period": {
        "th": "ปีในตารางส่วนที่ ๒ ({years}) ไม่ตรงกับช่วงปีของแผน {start}–{end}",
        "en": "The Part 2 table's years ({years}) differ from the plan period {start}–{end}",
    },
    _F + "target_years_period": {
        "th": "ปีในตารางค่าเป้าหมาย ({years}) ไม่ตรงกับช่วงปีของแผน",
        "en": "The targets table's years ({years}) differ from the plan period",
    },
    _F + "sheet_period_differs": {
        "th": "ระยะเวลาดำเนินการของโครงการที่ {number} (\"{period}\") ไม่ตรงกับช่วงปีของแผน",
        "en": "Project {number}'s period (\"{period}\") differs from the plan period",
    },
    _F + "risk_control_matched": {
        "th": "มาตรการควบคุมข้อ {control} ของขั้นตอนที่ {process} เขียนต่างจากชื่อโครงการเล็กน้อย (ไม่ระบุชื่อองค์กร) เชื่อมกับโครงการที่ {number}",
        "en": "Control {control} of risk process {process} is worded slightly differently (no organisation name); linked to project {number}",
    },
    _F + "risk_control_approx": {
        "th": "มาตรการควบคุมข้อ {control} ของขั้นตอนที่ {process} (\"{text}\") สะกดต่างจากชื่อโครงการ แต่ใกล้เคียงชัดเจน เชื่อมกับโครงการที่ {number}",
        "en": "Control {control} of risk process {process} (\"{text}\") is spelt differently from the project but clearly the same; linked to project {number}",
    },
    _F + "risk_control_unmatched": {
        "th": "มาตรการควบคุมข้อ {control} ของขั้นตอนที่ {process} ไม่ตรงกับโครงการใดในแผน (บันทึกเป็นข้อความ)",
        "en": "Control {control} of risk process {process} matches no plan project (kept as text)",
    },
    _F + "org_name_misspelt": {
        "th": "ชื่อองค์กรสะกดเป็น \"{found}\" (ชื่อที่ถูกต้องคือ \"{expected}\")",
        "en": "The organisation is spelt \"{found}\" (it is \"{expected}\")",
    },
    _F + "template_placeholder": {
        "th": "มีข้อความของแบบฟอร์มที่ไม่ได้กรอก: \"{text}\"",
        "en": "A template placeholder was left in the text: \"{text}\"",
    },
}
