package io.nanoclaw.admin.containerconfig;

import static io.nanoclaw.admin.change.EditPages.requireOperator;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.nanoclaw.admin.groups.AgentGroup;
import io.nanoclaw.admin.change.ChangePage;
import io.nanoclaw.admin.change.EditTargets;
import io.nanoclaw.admin.web.InvalidInputException;

/**
 * The kept versions of a group's container.json, for operators (the raw text holds MCP secrets); in the DB-config era
 * the kept versions of its container_configs row ({@link RowEditorController}).
 */
@Controller
class ConfigHistoryController implements ChangePage {

    static final String HISTORY = "containerconfig/history";
    static final String HISTORY_ENTRY = "containerconfig/history-entry";

    private final ConfigEditService configs;
    private final EditTargets targets;
    private final RowEditorController rows;

    ConfigHistoryController(ConfigEditService configs, EditTargets targets, RowEditorController rows) {
        this.configs = configs;
        this.targets = targets;
        this.rows = rows;
    }

    @GetMapping("/groups/{id}/container-config/history")
    String history(@PathVariable String id, Authentication caller, Model model) {
        if (rows.applies()) {
            // The DB-config era: the kept versions of the container_configs row.
            return rows.history(id, caller, model);
        }
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        model.addAttribute("entries", configs.history(id));
        model.addAttribute("current", targets.file(group));
        return HISTORY;
    }

    @GetMapping("/groups/{id}/container-config/history/{version}")
    String historyEntry(@PathVariable String id, @PathVariable long version, Authentication caller, Model model,
            HttpServletResponse response) {
        if (rows.applies()) {
            return rows.historyEntry(id, version, caller, model, response);
        }
        requireOperator(caller);
        AgentGroup group = targets.group(id);
        model.addAttribute("group", group);
        try {
            model.addAttribute("entry", configs.historyEntry(id, version));
        } catch (InvalidInputException e) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("problem", e.getMessage() + ".");
        }
        return HISTORY_ENTRY;
    }
}
