package io.nanoclaw.admin.change;

import java.util.List;
import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import io.nanoclaw.admin.containerconfig.ConfigEditorController;
import io.nanoclaw.admin.containerconfig.ConfigHistoryController;

/** What the editing pages expect to find even when nothing went wrong. */
@ControllerAdvice(assignableTypes = {ChangePagesController.class, ConfigEditorController.class,
        ConfigHistoryController.class})
public class EditPageDefaults {

    @ModelAttribute
    public void defaults(Model model) {
        model.addAttribute("fieldErrors", Map.of());
        model.addAttribute("errors", List.of());
    }
}
