package io.nanoclaw.admin.change;

import java.util.ArrayList;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;

import io.nanoclaw.admin.containerconfig.StaleVersionException;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.install.SqliteBusy;
import io.nanoclaw.admin.security.Role;

/**
 * What the editing pages (changes, the container.json editor, its history) share: who may use them, how an error of
 * the edit services reads on a page, and what to tell the operator after a change.
 */
public final class EditPages {

    private EditPages() {
    }

    /** An error of the edit services as a status and a sentence; anything else is not ours to explain. */
    public record Problem(HttpStatus status, String message) {

        public static Problem of(RuntimeException e) {
            if (e instanceof ChangeRefusedException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof InvalidEditException || e instanceof InvalidConfigException) {
                return new Problem(HttpStatus.BAD_REQUEST, "Nothing was changed: " + sentence(e.getMessage()));
            }
            if (e instanceof ConflictException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof StaleEditException || e instanceof StaleVersionException) {
                return new Problem(HttpStatus.PRECONDITION_FAILED, "container.json changed while you were looking at"
                        + " this change; nothing was written. Look at the preview again: it shows the file as it is now.");
            }
            if (e instanceof DataAccessException && SqliteBusy.isBusy(e)) {
                return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "NanoClaw's database stayed locked by another"
                        + " writer (the NanoClaw host); nothing was changed. Try again in a moment.");
            }
            throw e;
        }

        private static String sentence(String message) {
            return message == null ? "" : message.endsWith(".") ? message : message + ".";
        }
    }

    public static void requireOperator(Authentication caller) {
        boolean operator = caller != null && caller.getAuthorities().stream()
                .anyMatch(authority -> Role.OPERATOR.authority().equals(authority.getAuthority()));
        if (!operator) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Changes are for operators");
        }
    }

    /** What the operator should know after a change: NanoClaw's next steps, the group's state, what still disagrees. */
    public static List<String> afterwards(EditResult result) {
        List<String> lines = new ArrayList<>(result.plan().nextSteps());
        lines.add("The group is now " + result.group().status() + ": for a new session the host prepares "
                + result.group().hostProvider() + ", the runner runs " + result.group().runnerProvider() + ".");
        for (Finding finding : result.findings()) {
            if (finding.kind() == FindingKind.SESSION_PROVIDER_MISMATCH) {
                lines.add("Session " + finding.sessionId() + " still disagrees: the host prepares "
                        + finding.hostProvider() + ", the runner runs " + finding.runnerProvider() + ".");
            }
        }
        return lines;
    }
}
