package io.nanoclaw.admin.sessions;

import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.nanoclaw.admin.web.InvalidInputException;

/** Sessions and their provider overrides. Reads only. */
@Service
@Transactional(readOnly = true)
public class SessionService {

    public static final Set<String> STATUSES = Set.of("active", "closed");
    public static final Set<String> SORTABLE =
            Set.of("createdAt", "lastActive", "status", "containerStatus", "agentProvider", "agentGroupId", "id");
    public static final Sort DEFAULT_SORT = Sort.by(Sort.Direction.DESC, "createdAt");

    private final SessionRepository sessions;
    private final JdbcAggregateOperations aggregates;

    public SessionService(SessionRepository sessions, JdbcAggregateOperations aggregates) {
        this.sessions = sessions;
        this.aggregates = aggregates;
    }

    public Page<Session> list(SessionFilter filter, Pageable pageable) {
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw InvalidInputException.parameter("status",
                    "status must be 'active' or 'closed', not '" + filter.status() + "'");
        }
        if (filter.ids() != null && filter.ids().isEmpty() || filter.groupIds() != null && filter.groupIds().isEmpty()) {
            return Page.empty(pageable);
        }
        Criteria criteria = criteria(filter);
        // The id as last sort key keeps pages stable when many sessions share a timestamp.
        Pageable stable = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                pageable.getSort().and(Sort.by("id")));
        // The query carries only the criteria: the template applies the page to the select and counts without it.
        return aggregates.findAll(Query.query(criteria), Session.class, stable);
    }

    public Session get(String id) {
        return sessions.findById(id).orElseThrow(() -> new SessionNotFoundException(id));
    }

    private static Criteria criteria(SessionFilter filter) {
        Criteria criteria = Criteria.empty();
        if (filter.groupId() != null) {
            criteria = criteria.and("agentGroupId").is(filter.groupId());
        }
        if (filter.status() != null) {
            criteria = criteria.and("status").is(filter.status());
        }
        if (filter.ids() != null) {
            criteria = criteria.and("id").in(filter.ids());
        }
        if (filter.groupIds() != null) {
            criteria = criteria.and("agentGroupId").in(filter.groupIds());
        }
        if (Boolean.TRUE.equals(filter.hasOverride())) {
            criteria = criteria.and(Criteria.where("agentProvider").isNotNull().and("agentProvider").not(""));
        } else if (Boolean.FALSE.equals(filter.hasOverride())) {
            criteria = criteria.and(Criteria.where("agentProvider").isNull().or("agentProvider").is(""));
        }
        return criteria;
    }
}
