"""Texts of running an office: backups, restore, refused or damaged database files, the row-data check."""

MESSAGES: dict[str, dict[str, str]] = {
    # database files refused before opening
    "ops.db.is_folder": {
        "th": "เปิดฐานข้อมูลไม่ได้: {path} เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล",
        "en": "Cannot open the database: {path} is a folder, not a database file",
    },
    "ops.db.not_sqlite": {
        "th": "เปิดฐานข้อมูลไม่ได้: {path} ไม่ใช่ไฟล์ฐานข้อมูล SQLite (อาจเป็นไฟล์ข้อความหรือส่วนหัวไฟล์เสียหาย)",
        "en": "Cannot open the database: {path} is not a SQLite database (a text file, or its header is damaged)",
    },
    "ops.db.foreign": {
        "th": "ไม่เปิดไฟล์ {path}: เป็นฐานข้อมูล SQLite ของโปรแกรมอื่น ไม่ใช่ของ itatui (ไม่มีการแก้ไขไฟล์นี้)",
        "en": "Not opening {path}: it is another program's SQLite database, not itatui's (the file was not changed)",
    },
    "ops.db.damaged": {
        "th": "ฐานข้อมูล {path} เสียหาย อ่านข้อมูลไม่ได้ ({detail})",
        "en": "The database {path} is damaged and cannot be read ({detail})",
    },
    "ops.db.read_only": {
        "th": "เปิดฐานข้อมูลไม่ได้: ไม่มีสิทธิ์เขียนไฟล์ {path} หรือโฟลเดอร์ของไฟล์ (ไฟล์อ่านอย่างเดียว)",
        "en": "Cannot open the database: {path} or its folder is read-only",
    },
    "ops.db.unreadable": {
        "th": "เปิดฐานข้อมูลไม่ได้: อ่านไฟล์ {path} ไม่ได้ ({reason})",
        "en": "Cannot open the database: {path} cannot be read ({reason})",
    },
    "ops.db.newest_backup": {
        "th": "ข้อมูลสำรองล่าสุดที่ตรวจแล้ว: {path} ({when}) — กู้คืนด้วยคำสั่ง itatui restore {path}",
        "en": "Newest good backup: {path} ({when}) — restore it with: itatui restore {path}",
    },
    "ops.db.no_backup": {
        "th": "ไม่พบข้อมูลสำรองของฐานข้อมูลนี้ในโฟลเดอร์ข้อมูลสำรอง",
        "en": "No backup of this database was found in its backups folder",
    },
    # backups
    "ops.backup.not_sqlite": {
        "th": "สำรองและกู้คืนด้วยคำสั่งนี้ได้เฉพาะฐานข้อมูล SQLite (PostgreSQL ใช้ pg_dump ของเซิร์ฟเวอร์)",
        "en": "backup and restore work on SQLite databases (for PostgreSQL use the server's pg_dump)",
    },
    "ops.backup.folder_unusable": {
        "th": "ใช้โฟลเดอร์ข้อมูลสำรอง {path} ไม่ได้: {reason}",
        "en": "Cannot use the backups folder {path}: {reason}",
    },
    "ops.backup.write_failed": {"th": "เขียนไฟล์ {path} ไม่สำเร็จ: {reason}", "en": "Could not write {path}: {reason}"},
    "ops.backup.check_failed": {
        "th": "ข้อมูลสำรองที่เพิ่งเขียนไม่ผ่านการตรวจสอบ จึงไม่เก็บไว้",
        "en": "The backup just written failed its check and was not kept",
    },
    "ops.backup.done": {
        "th": "สำรองข้อมูลแล้ว: {path} (ตรวจแล้ว: ความสมบูรณ์ของไฟล์และบันทึกการใช้งาน {n} รายการ, {seconds} วินาที)",
        "en": "Backed up to {path} (checked: file integrity and {n} audit records, {seconds} s)",
    },
    "ops.backup.removed": {"th": "ลบข้อมูลสำรองเก่า: {path}", "en": "Removed an old backup: {path}"},
    "ops.backup.folder": {
        "th": "โฟลเดอร์ข้อมูลสำรอง: {path} (เก็บ {keep} ชุดล่าสุด)",
        "en": "Backups folder: {path} (keeping the last {keep})",
    },
    "ops.backup.settings_saved": {
        "th": "บันทึกการตั้งค่าแล้ว: โฟลเดอร์ {path}, เก็บ {keep} ชุดล่าสุด",
        "en": "Settings saved: folder {path}, keeping the last {keep}",
    },
    "ops.backup.keep_range": {"th": "จำนวนชุดที่เก็บต้องอยู่ระหว่าง 1 ถึง 1000", "en": "Keep must be between 1 and 1000"},
    "ops.backup.no_organisation": {"th": "ยังไม่ได้ตั้งค่าหน่วยงาน", "en": "No organisation has been set up yet"},
    "ops.backup.auto_failed": {
        "th": "สำรองข้อมูลอัตโนมัติไม่สำเร็จ: {reason}",
        "en": "The automatic backup failed: {reason}",
    },
    # the header
    "ops.header.backup_age": {"th": "สำรอง {days} วันก่อน", "en": "backup {days} d ago"},
    "ops.header.backup_today": {"th": "สำรองวันนี้", "en": "backed up today"},
    "ops.header.backup_none": {"th": "ยังไม่เคยสำรอง", "en": "never backed up"},
    "ops.header.backup_old": {
        "th": "ข้อมูลสำรองล่าสุดเก่ากว่า {days} วัน — ตรวจโฟลเดอร์ข้อมูลสำรองหรือสั่ง itatui backup",
        "en": "The newest backup is {days} days old — check the backups folder or run itatui backup",
    },
    # restore
    "ops.restore.no_file": {"th": "ไม่พบไฟล์ {path}", "en": "No file at {path}"},
    "ops.restore.same_file": {
        "th": "{path} คือฐานข้อมูลที่ใช้อยู่ ไม่ใช่ข้อมูลสำรอง",
        "en": "{path} is the database in use, not a backup",
    },
    "ops.restore.refused": {
        "th": "ไม่กู้คืนจาก {path} (ฐานข้อมูลปัจจุบันไม่ถูกแตะต้อง):\n{problems}",
        "en": "Not restoring from {path} (the current database was not touched):\n{problems}",
    },
    "ops.restore.done": {
        "th": "กู้คืนฐานข้อมูล {db} จาก {path} แล้ว: ข้อมูล ณ {when} (รุ่นโครงสร้าง {revision}, ปรับเป็นรุ่นปัจจุบันแล้ว)",
        "en": "Restored {db} from {path}: data as of {when} (schema {revision}, upgraded to the current one)",
    },
    "ops.restore.aside": {
        "th": "ฐานข้อมูลเดิมเก็บไว้ที่ {path}",
        "en": "The previous database was kept as {path}",
    },
    "ops.count.projects": {"th": "โครงการ", "en": "projects"},
    "ops.count.complaints": {"th": "เรื่องร้องเรียน", "en": "complaints"},
    "ops.count.users": {"th": "ผู้ใช้", "en": "users"},
    "ops.count.audit": {"th": "บันทึกการใช้งาน", "en": "audit records"},
    "ops.verify.no_schema": {
        "th": "{path} ไม่มีรุ่นโครงสร้างของ itatui (ไม่ใช่ฐานข้อมูลของโปรแกรมนี้)",
        "en": "{path} has no itatui schema version (not this app's database)",
    },
    "ops.verify.newer_schema": {
        "th": "ไฟล์นี้ทำโดย itatui รุ่นที่ใหม่กว่า (รุ่นโครงสร้าง {revision}) — ปรับรุ่นโปรแกรมก่อน",
        "en": "This file was made by a newer itatui (schema {revision}) — upgrade the app first",
    },
    # itatui check: row data
    "ops.check.rows": {"th": "ข้อมูลในทุกแถว (ข้อความและตัวเลขอ่านได้)", "en": "row data (every text and number readable)"},
    "ops.check.bad_text": {
        "th": "ข้อความเสียหายในตาราง {table} คอลัมน์ {column} แถว {rowid}",
        "en": "Damaged text in table {table}, column {column}, row {rowid}",
    },
    "ops.check.bad_value": {
        "th": "ค่าผิดชนิดในตาราง {table} คอลัมน์ {column} แถว {rowid}",
        "en": "A value of the wrong type in table {table}, column {column}, row {rowid}",
    },
    "ops.check.bad_index": {
        "th": "ดัชนีค้นหา {table} เสียหาย (ผลการค้นหาอาจผิด)",
        "en": "The search index {table} is damaged (searches may give wrong results)",
    },
    "ops.check.too_many": {"th": "…และอื่น ๆ (แสดงเพียงบางส่วน)", "en": "…and more (only the first shown)"},
    "err.number_too_large": {"th": "ตัวเลขยาวเกินไป (ไม่เกิน 15 หลัก)", "en": "The number is too long (15 digits at most)"},
    # plan documents (the importer's guards)
    "import.err.too_large": {
        "th": "ไฟล์ใหญ่เกิน {mb} MB จึงไม่ใช่เอกสารแผน (แผนทั้งฉบับเป็นข้อความไม่ถึง 1 MB) — ไม่มีการบันทึกข้อมูล",
        "en": "The file is larger than {mb} MB, so it is not a plan document (a whole plan as text is under 1 MB) — nothing was written",
    },
    "import.err.document_damaged": {
        "th": "ไม่นำเข้า: เอกสารมีข้อผิดพลาดหรือร่องรอยความเสียหาย {n} รายการ (รายการแรกที่บรรทัด {line}) "
        "เช่น ข้อความซ้ำ สลับบรรทัด หรือหัวข้อหาย — แก้เอกสารแล้วนำเข้าใหม่ ไม่มีการบันทึกข้อมูล",
        "en": "Not imported: the document has {n} error(s) or sign(s) of damage (the first at line {line}), such as "
        "repeated text, shuffled lines or missing sections — fix the document and import it again; nothing was written",
    },
    # migrate-db
    "ops.transfer.same": {"th": "ต้นทางและปลายทางเป็นฐานข้อมูลเดียวกัน", "en": "The source and the target are the same database"},
    "ops.transfer.target_not_empty": {
        "th": "ฐานข้อมูลปลายทางมีข้อมูลอยู่แล้ว — ย้ายได้เฉพาะไปยังฐานข้อมูลว่าง (ไม่มีการเขียนข้อมูลใด ๆ)",
        "en": "The target database already holds data — a move goes into an empty database only (nothing was written)",
    },
    "ops.transfer.progress": {"th": "  {table}: {done}/{total} แถว", "en": "  {table}: {done}/{total} rows"},
    "ops.transfer.restarted": {
        "th": "พบการย้ายครั้งก่อนที่ไม่เสร็จ: ล้างปลายทางแล้วเริ่มใหม่ตั้งแต่ต้น",
        "en": "An earlier move had not finished: the target was emptied and the move started over",
    },
    "ops.transfer.col_table": {"th": "ตาราง", "en": "table"},
    "ops.transfer.col_source": {"th": "ต้นทาง", "en": "source"},
    "ops.transfer.col_target": {"th": "ปลายทาง", "en": "target"},
    "ops.transfer.differs": {"th": "ไม่ตรงกัน", "en": "differs"},
    "ops.transfer.audit": {
        "th": "ห่วงโซ่บันทึกการใช้งานที่ปลายทาง: {n} รายการ, พบปัญหา {problems}",
        "en": "Audit chain on the target: {n} records, {problems} problem(s)",
    },
    "ops.transfer.failed": {
        "th": "ข้อมูลปลายทางไม่ตรงกับต้นทาง — อย่าใช้ปลายทาง; สั่งคำสั่งเดิมอีกครั้งเพื่อย้ายใหม่",
        "en": "The target does not match the source — do not use it; run the same command again to redo the move",
    },
    "ops.transfer.done": {
        "th": "ย้ายข้อมูลเสร็จและตรวจแล้ว: จำนวนแถวและ checksum ตรงกันทุกตาราง ({seconds} วินาที)",
        "en": "Moved and proven: row counts and checksums match in every table ({seconds} s)",
    },
    "ops.cli.migrate_help": {
        "th": "ย้ายข้อมูลระหว่าง SQLite กับ PostgreSQL พร้อมตรวจผล",
        "en": "move the data between SQLite and PostgreSQL, and prove it",
    },
    "ops.cli.migrate_long": {
        "th": "คัดลอกทุกตารางไปยังฐานข้อมูลว่าง เทียบจำนวนแถวและ checksum ทีละตาราง ตรวจห่วงโซ่บันทึกการใช้งานที่ปลายทาง "
        "ถ้าการย้ายถูกขัดจังหวะ สั่งคำสั่งเดิมอีกครั้งได้โดยไม่เกิดข้อมูลซ้ำ",
        "en": "Copies every table into an empty database, compares row counts and checksums per table and verifies the "
        "audit chain on the target; an interrupted move can simply be run again, without duplicates",
    },
    "ops.cli.migrate_from": {"th": "ฐานข้อมูลต้นทาง (ไฟล์หรือ URL)", "en": "the source database (file or URL)"},
    "ops.cli.migrate_to": {"th": "ฐานข้อมูลปลายทาง (ไฟล์หรือ URL)", "en": "the target database (file or URL)"},
    # CLI help
    "ops.cli.backup_help": {
        "th": "สำรองฐานข้อมูล (ตรวจสอบหลังเขียน) ไปยังโฟลเดอร์ข้อมูลสำรองหรือไฟล์ที่ระบุ",
        "en": "back up the database (checked after writing) into the backups folder or a given file",
    },
    "ops.cli.backup_output": {"th": "เขียนข้อมูลสำรองไปที่ไฟล์นี้", "en": "write the backup to this file"},
    "ops.cli.backup_set_dir": {"th": "ตั้งโฟลเดอร์ข้อมูลสำรอง (ผู้ดูแลระบบ)", "en": "set the backups folder (administrator)"},
    "ops.cli.backup_keep": {"th": "ตั้งจำนวนชุดที่เก็บ (ผู้ดูแลระบบ)", "en": "set how many backups to keep (administrator)"},
    "ops.cli.backup_list": {"th": "แสดงรายการข้อมูลสำรอง", "en": "list the backups"},
    "ops.cli.restore_help": {"th": "กู้คืนฐานข้อมูลจากข้อมูลสำรอง", "en": "restore the database from a backup"},
    "ops.cli.restore_long": {
        "th": "ตรวจไฟล์ก่อน (ไฟล์ของ itatui, ความสมบูรณ์, ห่วงโซ่บันทึกการใช้งาน, รุ่นโครงสร้าง) แล้วจึงกู้คืน "
        "โดยเก็บฐานข้อมูลเดิมไว้ข้าง ๆ — ปิดโปรแกรมทุกเครื่องก่อน",
        "en": "Checks the file first (itatui's, integrity, audit chain, schema version), then restores it, keeping "
        "the current database aside — close the app on every desk first",
    },
    "ops.cli.restore_file": {"th": "ไฟล์ข้อมูลสำรอง", "en": "the backup file"},
}
