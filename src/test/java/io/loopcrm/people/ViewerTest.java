package io.loopcrm.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ViewerTest {
  private static Member member(long id, Long teamId) {
    Member m = new Member();
    m.id = id;
    m.roles = Roles.SALES;
    if (teamId != null) {
      m.team = new Team();
      m.team.id = teamId;
    }
    return m;
  }

  @Test
  void aRepSeesAndEditsOnlyOwnRecords() {
    Viewer rep = new Viewer(1, 10L, Set.of(Roles.SALES));
    assertThat(rep.sees(member(1, 10L))).isTrue();
    assertThat(rep.edits(member(1, 10L))).isTrue();
    assertThat(rep.sees(member(2, 10L))).isFalse();
    assertThat(rep.edits(member(2, 10L))).isFalse();
    assertThat(rep.managesMember(member(2, 10L))).isFalse();
  }

  @Test
  void aManagerSeesAndEditsTheTeamOnly() {
    Viewer manager = new Viewer(1, 10L, Set.of(Roles.SALES, Roles.SALES_MANAGER));
    assertThat(manager.sees(member(2, 10L))).isTrue();
    assertThat(manager.edits(member(2, 10L))).isTrue();
    assertThat(manager.managesMember(member(2, 10L))).isTrue();
    assertThat(manager.sees(member(3, 20L))).isFalse();
    assertThat(manager.managesMember(member(3, 20L))).isFalse();
    assertThat(manager.managesMember(member(4, null))).isFalse();
  }

  @Test
  void operationsAndAdminReadEverythingButEditNoSalesField() {
    for (String role : new String[] {Roles.OPERATIONS, Roles.ADMIN}) {
      Viewer v = new Viewer(9, null, Set.of(role));
      assertThat(v.sees(member(2, 10L))).isTrue();
      assertThat(v.edits(member(2, 10L))).isFalse();
    }
  }
}
