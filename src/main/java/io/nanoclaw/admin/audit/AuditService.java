package io.nanoclaw.admin.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.install.AdminStore;
import io.nanoclaw.admin.web.InvalidInputException;

/** Records every change and answers questions about them. Lives in the admin store, never in NanoClaw's DB. */
@Service
public class AuditService {

    private final AuditRepository events;
    private final JdbcAggregateOperations adminAggregates;
    private final Clock clock = Clock.systemUTC();

    public AuditService(AuditRepository events,
            @Qualifier("adminAggregateTemplate") JdbcAggregateOperations adminAggregates) {
        this.events = events;
        this.adminAggregates = adminAggregates;
    }

    /** The longest reason the audit trail keeps; a longer one is refused before anything is changed. */
    public static final int MAX_REASON_CHARS = 1000;

    private static final int MAX_SUMMARY_CHARS = 2000;

    /** What a change was, for the record. */
    public record Entry(String action, String groupId, String folder, String sessionId, String reason, String summary,
            String dbChanges, String fileDiff) {

        /** An entry that fits the audit trail: the reason checked (refused when it cannot be kept), the summary cut. */
        public static Entry of(String action, String groupId, String folder, String sessionId, String reason,
                String summary, String dbChanges, String fileDiff) {
            checkReason(reason);
            return new Entry(action, groupId, folder, sessionId, reason, shorten(summary), dbChanges, fileDiff);
        }
    }

    /**
     * Refuses a reason the audit trail could not keep as given (too long, a NUL), so that a change is refused before
     * its first write rather than left unaudited.
     */
    public static void checkReason(String reason) {
        if (reason == null) {
            return;
        }
        if (reason.indexOf('\0') >= 0) {
            throw InvalidInputException.field("reason", "The reason must not contain NUL characters.");
        }
        if (reason.length() > MAX_REASON_CHARS) {
            throw InvalidInputException.field("reason", "The reason has " + reason.length() + " characters; at most "
                    + MAX_REASON_CHARS + " are kept.");
        }
    }

    private static String shorten(String summary) {
        return summary == null || summary.length() <= MAX_SUMMARY_CHARS ? summary
                : summary.substring(0, MAX_SUMMARY_CHARS - 1) + "…";
    }

    @AdminStore.Transaction
    public AuditEvent record(Entry entry) {
        return record(entry, Actor.current());
    }

    /** Records a change made on behalf of {@code actor} (a change finished after a crash names who asked for it). */
    @AdminStore.Transaction
    public AuditEvent record(Entry entry, String actor) {
        return events.save(new AuditEvent(null, clock.instant(), actor, entry.action(), entry.groupId(),
                entry.folder(), entry.sessionId(), blankToNull(entry.reason()), entry.summary(),
                blankToNull(entry.dbChanges()), blankToNull(entry.fileDiff())));
    }

    /** Newest first, filtered by actor, action (prefix) and group; null filters are ignored. */
    @AdminStore.Transaction
    public Page<AuditEvent> find(String actor, String action, String groupId, Pageable pageable) {
        List<Criteria> parts = new ArrayList<>();
        if (actor != null && !actor.isBlank()) {
            parts.add(Criteria.where("actor").is(actor));
        }
        if (action != null && !action.isBlank()) {
            parts.add(Criteria.where("action").like(action.replace("%", "") + "%"));
        }
        if (groupId != null && !groupId.isBlank()) {
            parts.add(Criteria.where("groupId").is(groupId));
        }
        Criteria criteria = Criteria.empty();
        for (Criteria part : parts) {
            criteria = criteria.and(part);
        }
        Page<AuditEvent> page = adminAggregates.findAll(Query.query(criteria), AuditEvent.class, pageable);
        return new PageImpl<>(page.getContent(), pageable, page.getTotalElements());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
