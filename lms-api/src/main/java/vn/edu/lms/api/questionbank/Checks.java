package vn.edu.lms.api.questionbank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The checks the question types share. */
final class Checks {

    private Checks() {
    }

    static List<ContentProblem> stem(String stem) {
        List<ContentProblem> problems = new ArrayList<>();
        if (stem == null || RichText.isBlank(stem)) {
            problems.add(new ContentProblem("question.blank-stem"));
        }
        return problems;
    }

    static List<ContentProblem> stemAndChoices(String stem, List<QuestionContent.Choice> choices, int least, int most) {
        List<ContentProblem> problems = stem(stem);
        if (choices.size() < least || choices.size() > most) {
            problems.add(new ContentProblem("question.choice-count", least, most, choices.size()));
        }
        problems.addAll(choices(choices));
        return problems;
    }

    static List<ContentProblem> choices(List<QuestionContent.Choice> choices) {
        List<ContentProblem> problems = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (QuestionContent.Choice choice : choices) {
            if (choice.key() == null || choice.key().isBlank()) {
                problems.add(new ContentProblem("question.blank-key"));
            } else if (!keys.add(choice.key())) {
                problems.add(new ContentProblem("question.duplicate-key", choice.key()));
            }
            if (choice.content() == null || RichText.isBlank(choice.content())) {
                problems.add(new ContentProblem("question.blank-choice", choice.key()));
            }
        }
        return problems;
    }

    static Set<String> keys(List<QuestionContent.Choice> choices) {
        Set<String> keys = new LinkedHashSet<>();
        choices.forEach(choice -> keys.add(choice.key()));
        return keys;
    }

    /** "true"/"false" as a response gives them, and Đ/S as Vietnamese answer sheets write them; null otherwise. */
    static @Nullable Boolean truth(String given) {
        return switch (given.strip().toLowerCase(Locale.ROOT)) {
            case "true", "đ", "d", "đúng", "dung" -> Boolean.TRUE;
            case "false", "s", "sai" -> Boolean.FALSE;
            default -> null;
        };
    }
}
