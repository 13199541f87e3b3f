import GRDB

/// The workspace's tables, as numbered migrations. A migration once released never changes; a
/// new version of the schema is a new migration.
///
/// Purchase lines are kept twice, on purpose: as rows (`purchase`, one per line, texts as given,
/// for people and SQL) and as column packs per import and supplier (`purchase_pack`, for the
/// calculation, which reads a supplier's lines in one blob). Both are written in the same
/// transaction; packs are derived data. Amounts are stored as the exact text the file gave
/// (rows) and as scaled integers (packs): never as binary floating point.
enum WorkspaceSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: imports, terms, purchases, reference data, factor libraries, runs") { db in
            try db.execute(
                sql: """
                    CREATE TABLE setting (
                        key TEXT PRIMARY KEY NOT NULL,
                        value TEXT NOT NULL
                    );
                    CREATE TABLE import (
                        id INTEGER PRIMARY KEY,
                        kind TEXT NOT NULL,
                        file_name TEXT NOT NULL,
                        byte_count INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        imported_at TEXT NOT NULL,
                        row_count INTEGER NOT NULL,
                        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'superseded', 'removed')),
                        replaces INTEGER REFERENCES import(id),
                        mapping TEXT,
                        content BLOB
                    );
                    CREATE INDEX import_by_hash ON import(kind, sha256);
                    CREATE TABLE term (
                        id INTEGER PRIMARY KEY,
                        text TEXT NOT NULL UNIQUE
                    );
                    CREATE TABLE purchase (
                        import_id INTEGER NOT NULL,
                        line INTEGER NOT NULL,
                        source_line INTEGER,
                        purchase_id TEXT NOT NULL,
                        date INTEGER NOT NULL,
                        supplier INTEGER NOT NULL,
                        category INTEGER NOT NULL,
                        amount TEXT NOT NULL,
                        currency INTEGER NOT NULL,
                        product INTEGER,
                        quantity TEXT,
                        unit INTEGER,
                        customer INTEGER,
                        scope3 INTEGER,
                        erp_category INTEGER,
                        id_hash INTEGER
                    );
                    CREATE TABLE purchase_pack (
                        id INTEGER PRIMARY KEY,
                        import_id INTEGER NOT NULL,
                        supplier INTEGER NOT NULL,
                        line_count INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    CREATE INDEX purchase_pack_by_supplier ON purchase_pack(supplier);
                    CREATE VIEW purchase_line AS
                        SELECT p.rowid AS row, p.import_id, p.line, coalesce(p.source_line, p.line) AS source_line, p.purchase_id AS id,
                               substr(p.date, 1, 4) || '-' || substr(p.date, 5, 2) || '-' || substr(p.date, 7, 2) AS date,
                               s.text AS supplier, c.text AS category, p.amount, cu.text AS currency, pr.text AS product,
                               p.quantity, u.text AS unit, cs.text AS customer, p.scope3 AS scope3_category, e.text AS erp_category
                        FROM purchase p
                        JOIN term s ON s.id = p.supplier JOIN term c ON c.id = p.category JOIN term cu ON cu.id = p.currency
                        LEFT JOIN term pr ON pr.id = p.product LEFT JOIN term u ON u.id = p.unit
                        LEFT JOIN term cs ON cs.id = p.customer LEFT JOIN term e ON e.id = p.erp_category;
                    CREATE TABLE factor_library (
                        id INTEGER PRIMARY KEY,
                        key TEXT NOT NULL,
                        version TEXT NOT NULL,
                        title TEXT NOT NULL,
                        publisher TEXT NOT NULL,
                        licence TEXT NOT NULL,
                        source TEXT NOT NULL,
                        sha256 TEXT,
                        installed_at TEXT NOT NULL,
                        import_id INTEGER REFERENCES import(id),
                        tier INTEGER NOT NULL,
                        active INTEGER NOT NULL DEFAULT 1
                    );
                    CREATE TABLE factor (
                        library_id INTEGER NOT NULL REFERENCES factor_library(id),
                        line INTEGER NOT NULL,
                        category TEXT NOT NULL,
                        name TEXT NOT NULL,
                        value TEXT NOT NULL,
                        unit TEXT NOT NULL,
                        price_year INTEGER,
                        source TEXT NOT NULL,
                        scope3 INTEGER
                    );
                    CREATE INDEX factor_by_library ON factor(library_id);
                    CREATE TABLE run (
                        id INTEGER PRIMARY KEY,
                        created_at TEXT NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('full', 'incremental')),
                        parent_id INTEGER REFERENCES run(id),
                        inputs TEXT NOT NULL,
                        aggregate BLOB NOT NULL,
                        line_count INTEGER NOT NULL,
                        recomputed_lines INTEGER NOT NULL,
                        seconds REAL NOT NULL
                    );
                    CREATE TABLE run_result (
                        run_id INTEGER NOT NULL REFERENCES run(id),
                        pack_id INTEGER NOT NULL,
                        data BLOB NOT NULL,
                        PRIMARY KEY (run_id, pack_id)
                    ) WITHOUT ROWID;
                    """
            )
        }
        migrator.registerMigration("v2: supplier register and status facts") { db in
            try db.execute(
                sql: """
                    CREATE TABLE supplier_register (
                        import_id INTEGER NOT NULL REFERENCES import(id),
                        line INTEGER NOT NULL,
                        supplier_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        country TEXT,
                        org_number TEXT,
                        vat TEXT,
                        lei TEXT,
                        duns TEXT,
                        isin TEXT,
                        pact_company_ids TEXT,
                        contact_name TEXT,
                        contact_email TEXT,
                        categories TEXT,
                        strategic INTEGER NOT NULL DEFAULT 0,
                        notes TEXT,
                        PRIMARY KEY (import_id, supplier_id)
                    );
                    CREATE TABLE supplier_status (
                        id INTEGER PRIMARY KEY,
                        import_id INTEGER NOT NULL REFERENCES import(id),
                        line INTEGER,
                        supplier_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        summary TEXT NOT NULL,
                        value TEXT NOT NULL,
                        source TEXT NOT NULL,
                        checked_on TEXT NOT NULL
                    );
                    CREATE INDEX supplier_status_by_supplier ON supplier_status(supplier_id, kind, checked_on);
                    CREATE TRIGGER supplier_status_is_history_update BEFORE UPDATE ON supplier_status
                        BEGIN SELECT RAISE(ABORT, 'supplier status facts are history: add a newer fact instead'); END;
                    CREATE TRIGGER supplier_status_is_history_delete BEFORE DELETE ON supplier_status
                        BEGIN SELECT RAISE(ABORT, 'supplier status facts are history: add a newer fact instead'); END;
                    """
            )
            // Suppliers imported before v2: their register rows, from the stored files.
            for row in try Row.fetchAll(
                db,
                sql: "SELECT id, file_name, content FROM import WHERE kind = 'suppliers' AND content IS NOT NULL ORDER BY id"
            ) {
                try? SupplierStore.insertRegister(
                    data: row["content"],
                    file: row["file_name"],
                    importID: row["id"],
                    db: db,
                    checkingParents: false,
                    legacy: true
                )
            }
        }
        migrator.registerMigration("v3: engagement KPI history and data requests") { db in
            try db.execute(sql: Self.engagementTables)
        }
        migrator.registerMigration("v4: PACT footprints, API clients, partners, event inbox and outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE pact_footprint (
                        seq INTEGER PRIMARY KEY,
                        id TEXT NOT NULL,
                        origin TEXT NOT NULL CHECK (origin IN ('own', 'imported')),
                        import_id INTEGER REFERENCES import(id),
                        partner TEXT,
                        supplier_id TEXT,
                        status TEXT NOT NULL CHECK (status IN ('Active', 'Deprecated')),
                        source_version TEXT NOT NULL,
                        json BLOB NOT NULL,
                        original BLOB,
                        filter_keys TEXT,
                        stored_at TEXT NOT NULL,
                        deprecated_at TEXT,
                        superseded_by TEXT,
                        UNIQUE (origin, id)
                    );
                    CREATE INDEX pact_footprint_by_supplier ON pact_footprint(origin, supplier_id);
                    CREATE TABLE pact_share (
                        footprint_seq INTEGER NOT NULL REFERENCES pact_footprint(seq),
                        client TEXT NOT NULL,
                        PRIMARY KEY (footprint_seq, client)
                    ) WITHOUT ROWID;
                    CREATE TABLE pact_product_link (
                        supplier_id TEXT NOT NULL,
                        product_urn TEXT NOT NULL,
                        product TEXT NOT NULL,
                        created_at TEXT NOT NULL,
                        PRIMARY KEY (supplier_id, product_urn, product)
                    ) WITHOUT ROWID;
                    CREATE TABLE pact_client (
                        client_id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL UNIQUE,
                        secret_sha256 TEXT NOT NULL,
                        partner TEXT,
                        created_at TEXT NOT NULL,
                        revoked_at TEXT
                    );
                    CREATE TABLE pact_partner (
                        name TEXT PRIMARY KEY NOT NULL,
                        base_url TEXT NOT NULL,
                        auth_base_url TEXT,
                        client_id TEXT NOT NULL,
                        client_secret TEXT NOT NULL,
                        supplier_id TEXT,
                        created_at TEXT NOT NULL,
                        updated_at TEXT NOT NULL
                    );
                    CREATE TABLE pact_inbox (
                        id INTEGER PRIMARY KEY,
                        received_at TEXT NOT NULL,
                        client TEXT,
                        event_id TEXT NOT NULL,
                        type TEXT NOT NULL,
                        source TEXT NOT NULL,
                        body BLOB NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
                        outcome TEXT
                    );
                    CREATE TABLE pact_outbox (
                        id INTEGER PRIMARY KEY,
                        created_at TEXT NOT NULL,
                        target_url TEXT NOT NULL,
                        partner TEXT,
                        event_type TEXT NOT NULL,
                        event_id TEXT NOT NULL,
                        body BLOB NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        give_up_at REAL NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
                        last_error TEXT,
                        sent_at TEXT
                    );
                    CREATE INDEX pact_outbox_due ON pact_outbox(status, next_attempt_at);
                    """
            )
        }
        migrator.registerMigration("v5: PACT footprint source URL") { db in
            // Where a pulled footprint was read from (the partner's host URL); NULL for files.
            try db.execute(sql: "ALTER TABLE pact_footprint ADD COLUMN source_url TEXT")
        }
        migrator.registerMigration("v6: reporting periods (a run's period, a purchase import's first and last date)") { db in
            // A run's fiscal year and the month it starts in; NULL for runs that counted every line
            // (all runs before v6). A purchase import's first and last line date (YYYYMMDD), which
            // tell the latest period with data without reading the lines; filled for earlier imports.
            try db.execute(
                sql: """
                    ALTER TABLE run ADD COLUMN period_year INTEGER;
                    ALTER TABLE run ADD COLUMN period_start_month INTEGER;
                    CREATE INDEX run_by_period ON run(period_year, period_start_month, id);
                    ALTER TABLE import ADD COLUMN first_date INTEGER;
                    ALTER TABLE import ADD COLUMN last_date INTEGER;
                    UPDATE import SET first_date = (SELECT min(date) FROM purchase WHERE purchase.import_id = import.id),
                                      last_date = (SELECT max(date) FROM purchase WHERE purchase.import_id = import.id)
                    WHERE kind = 'purchases';
                    """
            )
        }
        migrator.registerMigration("v7: the engagement boundary with the target") { db in
            // A target set before the boundary could be chosen covered Categories 1 and 2: the setting says so.
            // Its history rows refuse updates: a target there without a boundary reads as Categories 1 and 2.
            // KPI snapshots are history too, never rewritten: a snapshot stored before kept the Category 1 and
            // 2 sums only, so its figures per Scope 3 category are added beside it (`engagement_kpi_category`),
            // computed from its run's stored inventory and the suppliers with targets set it recorded.
            try db.execute(
                sql: """
                    UPDATE setting SET value = json_set(value, '$.boundary', 'categories-1-2')
                    WHERE key = 'engagement.target' AND value <> '' AND json_valid(value) AND json_extract(value, '$.boundary') IS NULL;
                    CREATE TABLE engagement_kpi_category (
                        run_id INTEGER PRIMARY KEY NOT NULL REFERENCES engagement_kpi(run_id),
                        by_category TEXT NOT NULL
                    );
                    CREATE TRIGGER engagement_kpi_category_is_history_update BEFORE UPDATE ON engagement_kpi_category
                        BEGIN SELECT RAISE(ABORT, 'engagement_kpi_category is history: add a new row instead'); END;
                    CREATE TRIGGER engagement_kpi_category_is_history_delete BEFORE DELETE ON engagement_kpi_category
                        BEGIN SELECT RAISE(ABORT, 'engagement_kpi_category is history: add a new row instead'); END;
                    """
            )
            try SupplierStore.addCategoryFigures(db: db)
        }
        migrator.registerMigration("v8: supplier parents and company register links") { db in
            // The parent company (another supplier of the register, by id) and a company register link;
            // NULL for every supplier imported or edited before.
            try db.execute(
                sql: """
                    ALTER TABLE supplier_register ADD COLUMN parent_id TEXT;
                    ALTER TABLE supplier_register ADD COLUMN company_register TEXT;
                    """
            )
        }
        migrator.registerMigration("v9: typed answers to data requests") { db in
            // The energy or take-back data a supplier answered a request with, one row per `received`
            // event that carries data; numbers as the decimal texts given. History, like the events.
            try db.execute(
                sql: """
                    CREATE TABLE engagement_answer (
                        event_id INTEGER PRIMARY KEY NOT NULL REFERENCES engagement_request_event(id),
                        request_id INTEGER NOT NULL REFERENCES engagement_request(id),
                        kind TEXT NOT NULL CHECK (kind IN ('energy', 'take-back')),
                        year INTEGER NOT NULL,
                        electricity_kwh TEXT,
                        renewable_percent TEXT,
                        other_energy_kwh TEXT,
                        product TEXT,
                        typical_power_w TEXT,
                        lifetime_years TEXT,
                        units_returned TEXT,
                        kg_returned TEXT,
                        reused_percent TEXT,
                        refurbished_percent TEXT,
                        recycled_percent TEXT,
                        residual_percent TEXT
                    );
                    CREATE INDEX engagement_answer_by_request ON engagement_answer(request_id);
                    CREATE TRIGGER engagement_answer_is_history_update BEFORE UPDATE ON engagement_answer
                        BEGIN SELECT RAISE(ABORT, 'engagement_answer is history: add a new row instead'); END;
                    CREATE TRIGGER engagement_answer_is_history_delete BEFORE DELETE ON engagement_answer
                        BEGIN SELECT RAISE(ABORT, 'engagement_answer is history: add a new row instead'); END;
                    """
            )
        }
        migrator.registerMigration("v10: closed reporting periods") { db in
            try db.execute(sql: periodCloseTable)
        }
        migrator.registerMigration("v11: the invoice a credit note names") { db in
            // The id of the invoice line a credit note corrects (column `invoice`), as given; NULL for
            // every line imported before, and for lines that name none.
            // The partial index keeps a run's look-up of credit notes to the lines that have one.
            try db.execute(
                sql: """
                    ALTER TABLE purchase ADD COLUMN invoice TEXT;
                    CREATE INDEX purchase_credit_note ON purchase(import_id) WHERE invoice IS NOT NULL;
                    DROP VIEW purchase_line;
                    CREATE VIEW purchase_line AS
                        SELECT p.rowid AS row, p.import_id, p.line, coalesce(p.source_line, p.line) AS source_line, p.purchase_id AS id,
                               substr(p.date, 1, 4) || '-' || substr(p.date, 5, 2) || '-' || substr(p.date, 7, 2) AS date,
                               s.text AS supplier, c.text AS category, p.amount, cu.text AS currency, pr.text AS product,
                               p.quantity, u.text AS unit, cs.text AS customer, p.scope3 AS scope3_category, e.text AS erp_category,
                               p.invoice
                        FROM purchase p
                        JOIN term s ON s.id = p.supplier JOIN term c ON c.id = p.category JOIN term cu ON cu.id = p.currency
                        LEFT JOIN term pr ON pr.id = p.product LEFT JOIN term u ON u.id = p.unit
                        LEFT JOIN term cs ON cs.id = p.customer LEFT JOIN term e ON e.id = p.erp_category;
                    """
            )
        }
        migrator.registerMigration("v12: import snapshots (a file's rows as read at import)") { db in
            // Derived from the import's content in the transaction that stores it; read only while the
            // import is in force, and only in the format it was written in (else the content is parsed).
            try db.execute(
                sql: """
                    CREATE TABLE import_snapshot (
                        import_id INTEGER PRIMARY KEY REFERENCES import(id),
                        format INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    """
            )
        }
        migrator.registerMigration("v13: run results in a rowid table, found through an index") { db in
            // As a WITHOUT ROWID table, a result blob lived in the key's b-tree: SQLite copied whole
            // blobs (tens of kilobytes) to compare keys on every look-up and insert. The index now
            // holds the key alone and the blob is read in place.
            try db.execute(
                sql: """
                    CREATE TABLE run_result_by_rowid (
                        id INTEGER PRIMARY KEY,
                        run_id INTEGER NOT NULL REFERENCES run(id),
                        pack_id INTEGER NOT NULL,
                        data BLOB NOT NULL
                    );
                    INSERT INTO run_result_by_rowid (run_id, pack_id, data) SELECT run_id, pack_id, data FROM run_result ORDER BY run_id, pack_id;
                    DROP TABLE run_result;
                    ALTER TABLE run_result_by_rowid RENAME TO run_result;
                    CREATE UNIQUE INDEX run_result_key ON run_result(run_id, pack_id);
                    """
            )
        }
        migrator.registerMigration("v14: our footprints' keys without their JSON") { db in
            // Publishing service footprints reads the id, status and filter keys of each of ours
            // (100,000 and more); this index holds them, so that the read does not bring in every
            // row's JSON (pages of the table that the memory map then keeps resident).
            try db.execute(sql: "CREATE INDEX pact_footprint_keys ON pact_footprint(origin, id, status, filter_keys)")
        }
        migrator.registerMigration("v15: web app users, sessions and login attempts") { db in
            try db.execute(sql: webTables)
        }
        return migrator
    }

    /// The web app's local users (`footprint users`), their server-side sessions and the login
    /// attempts that rate limiting counts. A password is kept only as its scrypt hash, with its salt and
    /// parameters (`PasswordHash`); a session only as the SHA-256 of its id, so that a copy of the
    /// workspace gives no one a session. A customer user is bound to one customer id of the register.
    static let webTables = """
        CREATE TABLE web_user (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role TEXT NOT NULL CHECK (role IN ('administrator', 'analyst', 'viewer', 'auditor', 'customer')),
            customer_id TEXT,
            language TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'nb')),
            password_hash TEXT NOT NULL,
            created_at TEXT NOT NULL,
            disabled_at TEXT,
            CHECK ((role = 'customer') = (customer_id IS NOT NULL))
        );
        CREATE TABLE web_session (
            id_sha256 TEXT PRIMARY KEY NOT NULL,
            user_id INTEGER NOT NULL REFERENCES web_user(id),
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            address TEXT NOT NULL
        );
        CREATE INDEX web_session_by_user ON web_session(user_id);
        CREATE TABLE web_login_attempt (
            id INTEGER PRIMARY KEY,
            user_name TEXT NOT NULL COLLATE NOCASE,
            address TEXT NOT NULL,
            succeeded INTEGER NOT NULL CHECK (succeeded IN (0, 1)),
            at TEXT NOT NULL
        );
        CREATE INDEX web_login_attempt_by_user ON web_login_attempt(user_name, at);
        CREATE INDEX web_login_attempt_by_address ON web_login_attempt(address, at);
        """

    /// One row per closing of a reporting period (`RunStore.closePeriod`): the run that is the period's
    /// published figure, when and by whom; reopening fills the reopen columns of the closing in force,
    /// once. A closing is never deleted, and nothing else of it changes (triggers refuse it), so a
    /// reopened and closed again period keeps both closings. At most one closing per period is in force.
    static let periodCloseTable = """
        CREATE TABLE period_close (
            id INTEGER PRIMARY KEY,
            period_year INTEGER NOT NULL,
            period_start_month INTEGER NOT NULL CHECK (period_start_month BETWEEN 1 AND 12),
            run_id INTEGER NOT NULL REFERENCES run(id),
            closed_at TEXT NOT NULL,
            closed_by TEXT NOT NULL,
            reopened_at TEXT,
            reopened_by TEXT,
            reopen_reason TEXT,
            CHECK ((reopened_at IS NULL) = (reopened_by IS NULL) AND (reopened_at IS NULL) = (reopen_reason IS NULL)),
            CHECK (reopen_reason IS NULL OR length(trim(reopen_reason)) > 0)
        );
        CREATE UNIQUE INDEX period_close_in_force ON period_close(period_year, period_start_month) WHERE reopened_at IS NULL;
        CREATE TRIGGER period_close_is_history_delete BEFORE DELETE ON period_close
            BEGIN SELECT RAISE(ABORT, 'period_close is history: reopen a closing instead'); END;
        CREATE TRIGGER period_close_is_history_update BEFORE UPDATE ON period_close
            WHEN OLD.reopened_at IS NOT NULL OR NEW.id IS NOT OLD.id OR NEW.period_year IS NOT OLD.period_year
                OR NEW.period_start_month IS NOT OLD.period_start_month OR NEW.run_id IS NOT OLD.run_id
                OR NEW.closed_at IS NOT OLD.closed_at OR NEW.closed_by IS NOT OLD.closed_by
            BEGIN SELECT RAISE(ABORT, 'period_close is history: a closing is only reopened, once'); END;
        """

    /// KPI snapshots per run, the history of settings (the engagement target), and data requests
    /// with their events. All append-only: triggers refuse updates and deletes.
    static let engagementTables = """
        CREATE TABLE engagement_kpi (
            run_id INTEGER PRIMARY KEY NOT NULL REFERENCES run(id),
            computed_at TEXT NOT NULL,
            facts_as_of TEXT NOT NULL,
            value TEXT NOT NULL
        );
        CREATE TABLE setting_history (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            changed_at TEXT NOT NULL
        );
        CREATE INDEX setting_history_by_key ON setting_history(key, id);
        CREATE TABLE engagement_request (
            id INTEGER PRIMARY KEY,
            supplier_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            ask TEXT NOT NULL,
            product TEXT,
            requested_on TEXT NOT NULL,
            due_on TEXT NOT NULL,
            channel TEXT NOT NULL CHECK (channel IN ('manual', 'pact')),
            created_at TEXT NOT NULL
        );
        CREATE INDEX engagement_request_by_supplier ON engagement_request(supplier_id);
        CREATE TABLE engagement_request_event (
            id INTEGER PRIMARY KEY,
            request_id INTEGER NOT NULL REFERENCES engagement_request(id),
            kind TEXT NOT NULL CHECK (kind IN ('requested', 'received', 'declined', 'reminded', 'pact-sent')),
            on_date TEXT NOT NULL,
            note TEXT,
            pact_event_id TEXT,
            recorded_at TEXT NOT NULL
        );
        CREATE INDEX engagement_request_event_by_request ON engagement_request_event(request_id, id);
        """
        + ["engagement_kpi", "setting_history", "engagement_request", "engagement_request_event"].map { table in
            """
            CREATE TRIGGER \(table)_is_history_update BEFORE UPDATE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is history: add a new row instead'); END;
            CREATE TRIGGER \(table)_is_history_delete BEFORE DELETE ON \(table)
                BEGIN SELECT RAISE(ABORT, '\(table) is history: add a new row instead'); END;

            """
        }.joined()
}
