/** role-based-email-addresses 3.x ships no types: its CommonJS export is an array of names. */
declare module "role-based-email-addresses" {
  const roleNames: readonly string[];
  export default roleNames;
}
