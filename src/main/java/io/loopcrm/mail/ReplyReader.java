package io.loopcrm.mail;

import io.loopcrm.common.LoopConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import java.util.Properties;
import org.jboss.logging.Logger;

/**
 * Reads the replies mailbox over IMAP every {@code loop.mail.imap.every}: each unread message is
 * placed on the timeline of the record its reply address or its In-Reply-To names ({@link
 * ReceivedMail}), or kept for operations' unmatched list, and then marked read. A message is taken
 * once by its Message-ID, so a read that stops halfway (the app killed, the server gone) takes up
 * the rest next time and doubles nothing.
 */
@ApplicationScoped
public class ReplyReader {
  private static final Logger LOG = Logger.getLogger(ReplyReader.class);

  /** Messages read in one round at most; the rest wait for the next one. */
  static final int ROUND = 200;

  @Inject LoopConfig config;
  @Inject ReceivedMail received;

  @Scheduled(
      every = "${loop.mail.imap.every:10s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void run() {
    if (config.mail().imap().host().isEmpty()) {
      return;
    }
    try {
      readNow();
    } catch (MessagingException e) {
      LOG.infof("replies mailbox not read: %s", e.getMessage());
    }
  }

  /**
   * What Loop needs of {@code m}: read through the server's summary of it (its envelope), or, when
   * the server cannot summarise it (GreenMail 2.1.3 could not for 3 of the 17 senders' names of the
   * XSS corpus, {@code MailXssTest}), from the message as it was sent.
   */
  private static IncomingMessage.Parsed parse(
      Message m, Session session, IncomingMessage.Limits limits) throws MessagingException {
    try {
      return IncomingMessage.parse(m, limits);
    } catch (MessagingException e) {
      if (!(m instanceof org.eclipse.angus.mail.imap.IMAPMessage imap)) {
        throw e;
      }
      LOG.debugf("replies mailbox: message %d read as sent: %s", m.getMessageNumber(), e);
      return IncomingMessage.parse(
          new jakarta.mail.internet.MimeMessage(session, imap.getMimeStream()), limits);
    }
  }

  /** Reads the unread messages now; how many were taken. */
  public int readNow() throws MessagingException {
    LoopConfig.Mail.Imap imap = config.mail().imap();
    Properties p = new Properties();
    p.put("mail.store.protocol", "imap");
    p.put("mail.imap.host", imap.host().orElseThrow());
    p.put("mail.imap.port", Integer.toString(imap.port()));
    p.put("mail.imap.connectiontimeout", "10000");
    p.put("mail.imap.timeout", "20000");
    Session session = Session.getInstance(p);
    int taken = 0;
    IncomingMessage.Limits limits =
        new IncomingMessage.Limits(
            config.mail().attachmentMax().asLongValue(), config.mail().attachmentsKept());
    try (Store store = session.getStore("imap")) {
      store.connect(imap.user(), imap.password());
      try (Folder inbox = store.getFolder("INBOX")) {
        inbox.open(Folder.READ_WRITE);
        Message[] unread = inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        for (int i = 0; i < unread.length && i < ROUND; i++) {
          Message m = unread[i];
          try {
            IncomingMessage.Parsed parsed = parse(m, session, limits);
            QuarkusTransaction.requiringNew().run(() -> received.take(parsed));
          } catch (MessagingException | RuntimeException e) {
            if (io.loopcrm.common.Causes.databaseUnreachable(e)) {
              // the database is away: the message stays unread and is taken next time
              throw e;
            }
            // a message no one can read must not stop the ones behind it: it stays in the
            // mailbox, read, for a person to look at
            LOG.warnf("replies mailbox: message %d left as it is: %s", m.getMessageNumber(), e);
          }
          m.setFlag(Flags.Flag.SEEN, true);
          taken++;
        }
      }
    }
    return taken;
  }
}
