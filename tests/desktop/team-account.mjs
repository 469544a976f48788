// The facilitator of the desktop suite's team server, shared by the test and the stand-in
// system browser that signs her in.
export const EMAIL = "anna@kunta.fi";
export const NAME = "Anna Virtanen";
export const PASSWORD = "kevät-ryhmä-2026";
