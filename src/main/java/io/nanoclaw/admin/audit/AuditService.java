package io.nanoclaw.admin.audit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

import io.nanoclaw.admin.install.AdminStore;

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

    /** What a change was, for the record. */
    public record Entry(String action, String groupId, String folder, String sessionId, String reason, String summary,
            String dbChanges, String fileDiff) {
    }

    @AdminStore.Transaction
    public AuditEvent record(Entry entry) {
        return events.save(new AuditEvent(null, clock.instant(), Actor.current(), entry.action(), entry.groupId(),
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
