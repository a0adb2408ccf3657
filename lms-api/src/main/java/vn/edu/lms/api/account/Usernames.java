package vn.edu.lms.api.account;

/**
 * Usernames drawn for students the way Vietnamese schools write them: the given name, then the
 * initials of the family and middle names, then the last four characters of the student's
 * identifier ("Nguyễn Thị Thu Hà", 001215012345 → {@code hantt.2345}). Easy for a child to type,
 * unique enough that a clash is rare; a clash gets a letter added by the caller.
 */
public final class Usernames {

    private Usernames() {
    }

    public static String forStudent(String fullName, String identifier) {
        String[] words = Names.fold(fullName).replaceAll("[^a-z ]", "").strip().split("\\s+");
        StringBuilder username = new StringBuilder(words[words.length - 1]);
        for (int i = 0; i < words.length - 1; i++) {
            if (!words[i].isEmpty()) {
                username.append(words[i].charAt(0));
            }
        }
        String digits = identifier.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        username.append('.').append(digits.substring(Math.max(0, digits.length() - 4)));
        return username.length() > 60 ? username.substring(0, 60) : username.toString();
    }
}
