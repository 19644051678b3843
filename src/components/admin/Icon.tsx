/** Haven's mark in the navigation: a roof sheltering a heart. */
export const Icon = ({ size = 28 }: { size?: number }) => (
  <svg
    width={size}
    height={size}
    viewBox="0 0 32 32"
    role="img"
    aria-label="Haven"
    xmlns="http://www.w3.org/2000/svg"
  >
    <path d="M3 15 16 4l13 11" fill="none" stroke="#2f7d6d" strokeWidth="3" strokeLinecap="round" />
    <path
      d="M16 27s-8-4.6-8-10.2A4.3 4.3 0 0 1 16 14.5a4.3 4.3 0 0 1 8 2.3C24 22.4 16 27 16 27Z"
      fill="#e07a5f"
    />
  </svg>
)
