package io.nanoclaw.admin.notify;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import io.nanoclaw.admin.audit.Actor;
import io.nanoclaw.admin.audit.AuditService;
import io.nanoclaw.admin.web.InvalidInputException;

/** The webhook in force: the one set on the Notifications page if any, else {@code nanoclaw.notify.webhook-url}. */
@Component
public class WebhookSettings {

    /** Where the webhook in force comes from. */
    public enum Source { SETTING, PAGE, NONE }

    /** The webhook in force; {@code url} null = notifications are off. */
    public record Webhook(URI url, String format, Source source, Instant changedAt, String changedBy) {

        public boolean on() {
            return url != null;
        }
    }

    private final NamedParameterJdbcTemplate admin;
    private final NotifyProperties properties;
    private final AuditService audit;

    WebhookSettings(@Qualifier("adminJdbcOperations") NamedParameterJdbcTemplate admin, NotifyProperties properties,
            AuditService audit) {
        this.admin = admin;
        this.properties = properties;
        this.audit = audit;
        format(properties.format());
        if (properties.webhookUrl() != null) {
            url(properties.webhookUrl().toString());
        }
    }

    public Webhook current() {
        List<Webhook> set = admin.query("SELECT webhook_url, format, changed_at, changed_by FROM notify_settings"
                + " WHERE id = 1", new MapSqlParameterSource(), (rs, row) -> new Webhook(
                        rs.getString(1) == null ? null : URI.create(rs.getString(1)), rs.getString(2), Source.PAGE,
                        rs.getTimestamp(3).toInstant(), rs.getString(4)));
        if (!set.isEmpty()) {
            return set.get(0);
        }
        return properties.webhookUrl() == null ? new Webhook(null, format(properties.format()), Source.NONE, null, null)
                : new Webhook(properties.webhookUrl(), format(properties.format()), Source.SETTING, null, null);
    }

    /** Sets the webhook from the page (a blank URL turns notifications off), audited. */
    public Webhook set(String url, String format) {
        URI uri = url == null || url.isBlank() ? null : url(url.strip());
        String checkedFormat = format(format == null || format.isBlank() ? "json" : format);
        Instant now = Instant.now();
        MapSqlParameterSource values = new MapSqlParameterSource("url", uri == null ? null : uri.toString())
                .addValue("format", checkedFormat).addValue("at", Timestamp.from(now))
                .addValue("by", Actor.current());
        if (admin.update("UPDATE notify_settings SET webhook_url = :url, format = :format, changed_at = :at,"
                + " changed_by = :by WHERE id = 1", values) == 0) {
            admin.update("INSERT INTO notify_settings (id, webhook_url, format, changed_at, changed_by) VALUES (1, :url,"
                    + " :format, :at, :by)", values);
        }
        audit.record(AuditService.Entry.of("SET_WEBHOOK", null, null, null, null, uri == null
                ? "Turned webhook notifications off" : "Webhook notifications go to " + redacted(uri) + " ("
                        + checkedFormat + ")", null, null));
        return current();
    }

    /** Forgets the page's webhook: {@code nanoclaw.notify.webhook-url} is in force again. */
    public Webhook reset() {
        if (admin.update("DELETE FROM notify_settings WHERE id = 1", new MapSqlParameterSource()) > 0) {
            audit.record(AuditService.Entry.of("SET_WEBHOOK", null, null, null, null,
                    "Webhook back to the nanoclaw.notify.webhook-url setting", null, null));
        }
        return current();
    }

    /** The URL as the audit trail and the page show it: without user info or query, which may hold a secret. */
    static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/[^/]{16,}", "/…"));
    }

    private static URI url(String text) {
        URI uri;
        try {
            uri = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.field("webhookUrl", "'" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw InvalidInputException.field("webhookUrl", "The webhook URL must be http:// or https:// with a host,"
                    + " not '" + text + "'");
        }
        return uri;
    }

    private static String format(String format) {
        String value = format.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("json") && !value.equals("slack")) {
            throw InvalidInputException.field("format", "The format is json or slack, not '" + format + "'");
        }
        return value;
    }
}
