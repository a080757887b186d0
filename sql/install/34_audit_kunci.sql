-- 34_audit_kunci.sql - the audit trail with one row per key (the table
-- is in 33_pengawasan.sql, its trigger function in 33_audit.sql).  A view,
-- its comment and rights only: replayed by the upgrade.

-- The audit with one row per key: the insert rows' key arrays unnested, every
-- other row as it is.  As the caller (row-level security of kkb.audit holds).
CREATE VIEW kkb.audit_kunci WITH (security_invoker = true) AS
SELECT a.id, a.waktu, a.tabel, a.operasi, a.kode_desa,
       CASE WHEN x.i IS NULL THEN a.kunci
            ELSE (SELECT pg_catalog.jsonb_object_agg(e.key, CASE WHEN pg_catalog.jsonb_typeof(e.value) = 'array'
                                                                 THEN e.value OPERATOR(pg_catalog.->) x.i ELSE e.value END)
                    FROM pg_catalog.jsonb_each(a.kunci) e) END AS kunci,
       a.lama, a.baru, a.peran, a.sesi, a.pengguna, a.transaksi
  FROM kkb.audit a
 -- the longest key array (none: NULL, and the row as it is), then one row per position; no UNION,
 -- which a Citus cluster cannot push down to the shards
 CROSS JOIN LATERAL (SELECT pg_catalog.max(pg_catalog.jsonb_array_length(e.value)) AS n
                       FROM pg_catalog.jsonb_each(a.kunci) e WHERE pg_catalog.jsonb_typeof(e.value) = 'array') m
  LEFT JOIN LATERAL pg_catalog.generate_series(0, m.n - 1) x(i) ON true;
COMMENT ON VIEW kkb.audit_kunci IS 'The audit trail with one row per key: the keys of an insert (stored as arrays, one audit row per statement and village) unnested; updates and deletes as they are';
GRANT SELECT ON kkb.audit_kunci TO kkb_admin, kkb_pokja;
