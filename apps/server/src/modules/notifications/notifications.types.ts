import { Connection } from '../../core/pagination';
import { Notification } from './notification.entity';

export const NotificationConnection = Connection(Notification, 'Notification', 'notification');
