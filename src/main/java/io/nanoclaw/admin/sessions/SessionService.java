package io.nanoclaw.admin.sessions;

import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
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
    private final SessionModel model;

    public SessionService(SessionRepository sessions, SessionModel model) {
        this.sessions = sessions;
        this.model = model;
    }

    public Page<Session> list(SessionFilter filter, Pageable pageable) {
        if (filter.status() != null && !STATUSES.contains(filter.status())) {
            throw InvalidInputException.parameter("status",
                    "status must be 'active' or 'closed', not '" + filter.status() + "'");
        }
        if (filter.ids() != null && filter.ids().isEmpty() || filter.groupIds() != null && filter.groupIds().isEmpty()) {
            return Page.empty(pageable);
        }
        // From the in-memory model; the id as last sort key keeps pages stable when many sessions share a timestamp.
        return model.find(filter, pageable);
    }

    public Session get(String id) {
        return sessions.findById(id).orElseThrow(() -> new SessionNotFoundException(id));
    }
}
