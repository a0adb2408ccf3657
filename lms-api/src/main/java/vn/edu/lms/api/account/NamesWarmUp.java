package vn.edu.lms.api.account;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Loads ICU's Vietnamese collation data at start-up, on the main thread, so that the first class
 * list sorted on an event-loop thread does not read it from the jar there.
 */
@Component
class NamesWarmUp implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        Names.CLASS_LIST_ORDER.compare("Nguyễn Thị Thu Hà", "Trần Đức Anh");
    }
}
