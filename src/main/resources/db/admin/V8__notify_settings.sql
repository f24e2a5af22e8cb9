-- The webhook an operator set on the Notifications page; a row here wins over nanoclaw.notify.webhook-url.
-- webhook_url NULL with the row present = notifications turned off on the page.
CREATE TABLE notify_settings (
  id           INT PRIMARY KEY,
  webhook_url  VARCHAR(2000),
  format       VARCHAR(16) NOT NULL,
  changed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  changed_by   VARCHAR(128) NOT NULL
);
