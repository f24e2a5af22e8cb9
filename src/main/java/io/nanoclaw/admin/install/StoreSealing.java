package io.nanoclaw.admin.install;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Seals, once, what an admin store written before sealing existed keeps in clear (kept container.json versions and
 * rows, journal steps). Runs when the store opens, one value at a time, so a crash in the middle leaves every value
 * either plain or sealed, both of which read back.
 */
@Component
class StoreSealing {

    private static final Logger log = LoggerFactory.getLogger(StoreSealing.class);

    StoreSealing(@Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate admin, StoreSeal seal) {
        int sealed = sealBytes(admin, seal) + sealText(admin, seal, "config_row_versions", "row_columns")
                + sealText(admin, seal, "change_journal", "steps");
        if (sealed > 0) {
            log.info("Sealed {} value(s) the admin store kept in clear (MCP secrets in kept versions)", sealed);
        }
    }

    private static int sealBytes(NamedParameterJdbcTemplate admin, StoreSeal seal) {
        int sealed = 0;
        List<Long> ids = admin.queryForList("SELECT id FROM config_versions WHERE content IS NOT NULL ORDER BY id",
                new MapSqlParameterSource(), Long.class);
        for (Long id : ids) {
            byte[] content = admin.queryForObject("SELECT content FROM config_versions WHERE id = :id",
                    new MapSqlParameterSource("id", id), byte[].class);
            if (content != null && !StoreSeal.isSealed(content)) {
                admin.update("UPDATE config_versions SET content = :content WHERE id = :id",
                        new MapSqlParameterSource("id", id).addValue("content", seal.seal(content)));
                sealed++;
            }
        }
        return sealed;
    }

    private static int sealText(NamedParameterJdbcTemplate admin, StoreSeal seal, String table, String column) {
        int sealed = 0;
        List<Long> ids = admin.queryForList("SELECT id FROM " + table + " WHERE " + column + " NOT LIKE 'ncs1:%'"
                + " ORDER BY id", new MapSqlParameterSource(), Long.class);
        for (Long id : ids) {
            String plain = admin.queryForObject("SELECT " + column + " FROM " + table + " WHERE id = :id",
                    new MapSqlParameterSource("id", id), String.class);
            admin.update("UPDATE " + table + " SET " + column + " = :value WHERE id = :id",
                    new MapSqlParameterSource("id", id).addValue("value", seal.sealText(plain)));
            sealed++;
        }
        return sealed;
    }
}
