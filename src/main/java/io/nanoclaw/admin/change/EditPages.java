package io.nanoclaw.admin.change;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import io.nanoclaw.admin.containerconfig.StaleVersionException;
import io.nanoclaw.admin.drift.Finding;
import io.nanoclaw.admin.drift.FindingKind;
import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.install.SqliteBusy;
import io.nanoclaw.admin.security.Role;
import io.nanoclaw.admin.web.InvalidInputException;

/**
 * What the editing pages (changes, the container.json editor, its history) share: who may use them, how an error of
 * the edit services reads on a page, the plan-first preview and its confirm form, and what to tell the operator after
 * a change.
 */
public final class EditPages {

    /** The preview of a change: its dry-run plan and the form that applies it. */
    public static final String PREVIEW = "change/preview";

    private EditPages() {
    }

    /** What a preview page shows: the dry run's plan, with what to warn about and the form that applies it. */
    public record Preview(String title, String groupId, String groupName, String folder, EditResult result,
            String action, Map<String, String> hidden, List<String> warnings, List<String> afterNotes,
            String confirmLabel) {
    }

    /** What a preview adds to the plan: warnings, notes on what follows, and a box to tick before applying. */
    public record PreviewExtras(List<String> warnings, List<String> afterNotes, String confirmLabel) {
        public static final PreviewExtras NONE = new PreviewExtras(List.of(), List.of(), null);
    }

    /**
     * Renders the preview of a change: runs its dry run; an error of the edit services is shown on the page as a
     * sentence with its status, and nothing is changed.
     */
    public static String preview(Model model, HttpServletResponse response, AgentGroup group, String title,
            String action, Map<String, String> hidden, Supplier<EditResult> dryRun,
            Function<EditResult, PreviewExtras> extras) {
        EditResult result = null;
        PreviewExtras more = PreviewExtras.NONE;
        try {
            result = dryRun.get();
            more = extras.apply(result);
        } catch (RuntimeException e) {
            Problem problem = Problem.of(e);
            response.setStatus(problem.status().value());
            model.addAttribute("problem", problem.message());
        }
        model.addAttribute("preview", new Preview(title, group.id(), group.name(), group.folder(), result, action,
                hidden, more.warnings(), more.afterNotes(), more.confirmLabel()));
        return PREVIEW;
    }

    /** Applies, then back to the group with what was done; on a refusal, back to the preview with the reason. */
    public static String apply(String groupId, String previewUrl, String reason, RedirectAttributes redirect,
            Supplier<EditResult> change) {
        try {
            EditResult result = change.get();
            redirect.addFlashAttribute("notice", result.applied() ? "Done: " + result.plan().summary() + "."
                    : "Nothing to change: " + result.plan().summary() + " is already the case.");
            redirect.addFlashAttribute("noticeDetails", afterwards(result));
            return "redirect:/groups/" + groupId;
        } catch (RuntimeException e) {
            redirect.addFlashAttribute("problem", Problem.of(e).message());
            redirect.addFlashAttribute("reason", reason);
            return "redirect:" + previewUrl;
        }
    }

    /** A path with its variables expanded and the non-null query parameters, all encoded. */
    public static String url(String template, Map<String, String> query, Object... variables) {
        StringBuilder url = new StringBuilder(UriComponentsBuilder.fromPath(template).buildAndExpand(variables).encode()
                .toUriString());
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            if (parameter.getValue() != null) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(UriUtils.encodeQueryParam(parameter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        return url.toString();
    }

    /** Names and values, in order, without those whose value is null. */
    public static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                params.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return params;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** An error of the edit services as a status and a sentence; anything else is not ours to explain. */
    public record Problem(HttpStatus status, String message) {

        public static Problem of(RuntimeException e) {
            if (e instanceof ChangeRefusedException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof InvalidInputException || e instanceof InvalidConfigException) {
                return new Problem(HttpStatus.BAD_REQUEST, "Nothing was changed: " + sentence(e.getMessage()));
            }
            if (e instanceof ConflictException) {
                return new Problem(HttpStatus.CONFLICT, sentence(e.getMessage()));
            }
            if (e instanceof StaleEditException || e instanceof StaleVersionException) {
                return new Problem(HttpStatus.PRECONDITION_FAILED, "container.json changed while you were looking at"
                        + " this change; nothing was written. Look at the preview again: it shows the file as it is now.");
            }
            boolean failedWrite = e instanceof DataAccessException
                    || e instanceof org.springframework.transaction.TransactionException;
            if (failedWrite && SqliteBusy.isBusy(e)) {
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
