package vn.edu.lms.content.library.item;

/** The licences a contributor can choose, with their canonical URL (Dublin Core {@code rights}). */
public enum Licence {
    CC_BY_4_0("https://creativecommons.org/licenses/by/4.0/"),
    CC_BY_SA_4_0("https://creativecommons.org/licenses/by-sa/4.0/"),
    CC_BY_NC_4_0("https://creativecommons.org/licenses/by-nc/4.0/"),
    CC_BY_NC_SA_4_0("https://creativecommons.org/licenses/by-nc-sa/4.0/"),
    CC0_1_0("https://creativecommons.org/publicdomain/zero/1.0/"),
    ALL_RIGHTS_RESERVED(null);

    private final String url;

    Licence(String url) {
        this.url = url;
    }

    /** The licence's deed, or null for all rights reserved. */
    public @org.jspecify.annotations.Nullable String url() {
        return url;
    }
}
