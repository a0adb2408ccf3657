package vn.edu.lms.content.platform;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Seeds {@link Ids} at start-up, on the main thread: seeding reads the OS's entropy source. */
@Component
class IdsWarmUp implements SmartInitializingSingleton {

    @Override
    public void afterSingletonsInstantiated() {
        Ids.newId();
    }
}
