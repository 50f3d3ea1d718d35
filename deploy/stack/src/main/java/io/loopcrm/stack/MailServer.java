package io.loopcrm.stack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;

/**
 * A real SMTP and IMAP server (GreenMail) for the run command and the tests: a mailbox for each demo
 * user and one the application reads replies from. Mail to any other address is kept in a mailbox
 * of that address (login and password: the address), so a customer's mailbox can be read too.
 * Mail to {@code name+anything@domain} lands in {@code name@domain}'s mailbox, as at most mail
 * providers (the per-record reply addresses use it). The mail is kept in memory: a restart starts
 * with empty mailboxes.
 */
public final class MailServer implements AutoCloseable {
  /** The domain of the demo users' addresses. */
  public static final String DOMAIN = "loop.example";

  /** The mailbox replies to the application's mail go to, which the application reads. */
  public static final String REPLIES = "replies";

  /** The password of every demo mailbox. */
  public static final String PASSWORD = "demo";

  /** The demo users' logins (their addresses: login@loop.example). */
  public static final List<String> DEMO_USERS = List.of("sam", "rita", "max", "olga", "ada");

  private final GreenMail mail;
  private final int smtpPort;
  private final int imapPort;

  private MailServer(GreenMail mail, int smtpPort, int imapPort) {
    this.mail = mail;
    this.smtpPort = smtpPort;
    this.imapPort = imapPort;
  }

  /** Starts SMTP and IMAP on the loopback address, with the demo mailboxes and the replies one. */
  public static MailServer start(int smtpPort, int imapPort) {
    GreenMailConfiguration config = GreenMailConfiguration.aConfig().withSieveIgnoreDetail();
    for (String user : DEMO_USERS) {
      config = config.withUser(user + "@" + DOMAIN, user, PASSWORD);
    }
    config = config.withUser(REPLIES + "@" + DOMAIN, REPLIES, PASSWORD);
    GreenMail mail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
                })
            .withConfiguration(config);
    mail.start();
    return new MailServer(mail, smtpPort, imapPort);
  }

  public int smtpPort() {
    return smtpPort;
  }

  public int imapPort() {
    return imapPort;
  }

  /** Whether it accepts connections (the tests stop and start it to prove the outbox waits). */
  public boolean isRunning() {
    return mail.isRunning();
  }

  @Override
  public void close() {
    mail.stop();
  }
}
