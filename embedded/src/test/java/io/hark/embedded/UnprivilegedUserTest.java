// SPDX-License-Identifier: GPL-3.0-or-later
package io.hark.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnprivilegedUserTest {

    private static final String PASSWD =
            "root:x:0:0:root:/root:/bin/bash\n"
                    + "nobodyelse:x:1000:1000::/home/nobodyelse:/bin/sh\n"
                    + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n";

    @Test
    void findsTheAccountInPasswd() {
        assertThat(UnprivilegedUser.fromPasswd(PASSWD, "nobody"))
                .isEqualTo(new UnprivilegedUser("nobody", 65534, 65534));
    }

    @Test
    void switchesToItsIdsWithoutSupplementaryGroups() {
        assertThat(new UnprivilegedUser("nobody", 65534, 65533).commandPrefix())
                .containsExactly("setpriv", "--reuid=65534", "--regid=65533", "--clear-groups");
    }

    @Test
    void explainsAMissingAccount() {
        assertThatThrownBy(
                        () ->
                                UnprivilegedUser.fromPasswd(
                                        "root:x:0:0:root:/root:/bin/bash\n", "nobody"))
                .hasMessageContaining("'nobody'");
    }
}
