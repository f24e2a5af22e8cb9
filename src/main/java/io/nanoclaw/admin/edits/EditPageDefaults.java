package io.nanoclaw.admin.edits;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What the editing pages expect to find even when nothing went wrong. */
@ControllerAdvice(assignableTypes = {ChangePagesController.class, ConfigEditorController.class,
        ConfigHistoryController.class})
class EditPageDefaults {

    @ModelAttribute
    void defaults(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("errors", List.of());
    }
}
