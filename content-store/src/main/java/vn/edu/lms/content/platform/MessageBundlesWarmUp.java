package vn.edu.lms.content.platform;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;

/**
 * Reads every message bundle, ours and the validator's, at start-up. Bundles are otherwise read
 * from disk on first use, which would be on an event-loop thread answering a request.
 */
@Component
class MessageBundlesWarmUp implements SmartInitializingSingleton {

    /** A code no bundle has, so the lookup walks every bundle of the language. */
    private static final String ABSENT = MessageBundlesWarmUp.class.getName() + ".absent";

    private final MessageSource messages;
    private final Validator validator;

    MessageBundlesWarmUp(MessageSource messages, Validator validator) {
        this.messages = messages;
        this.validator = validator;
    }

    /** Fails two constraints, so that the validator interpolates (and loads) its messages. */
    private record Invalid(@NotBlank String name, @Max(0) int number) {
    }

    @Override
    public void afterSingletonsInstantiated() {
        Languages.SUPPORTED.forEach(locale -> messages.getMessage(ABSENT, null, "", locale));
        validator.validate(new Invalid("", 1));
    }
}
