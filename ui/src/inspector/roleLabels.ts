// What each team role is called in inspectors and menus.
export const ROLE_LABELS: Record<string, string> = {
  "product-manager": "Product manager", designer: "Designer", "tech-lead": "Tech lead", engineer: "Engineer",
  "engineering-manager": "Engineering manager", other: "Other",
};
