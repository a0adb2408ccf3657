package vn.edu.lms.api.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsernamesTests {

    @Test
    void aStudentsUsernameIsGivenNameInitialsAndTheEndOfTheirIdentifier() {
        assertThat(Usernames.forStudent("Nguyễn Thị Thu Hà", "001215012345")).isEqualTo("hantt.2345");
        assertThat(Usernames.forStudent("Đặng Đức Anh", "00121501")).isEqualTo("anhdd.1501");
        assertThat(Usernames.forStudent("Lê An", "AB12")).isEqualTo("anl.ab12");
    }

    @Test
    void usernamesAreValidAccountUsernames() {
        assertThat(Usernames.forStudent("H'Hen Niê", "001215012345")).matches("[a-z0-9._-]+");
    }
}
