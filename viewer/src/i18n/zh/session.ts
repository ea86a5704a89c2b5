/** Signing in once (issue 16 item 7): the header's sign-in box and who is signed in. */
export const session = {
  'session.signIn': '登录',
  'session.signOut': '退出登录',
  'session.signedInAs': '已登录：{name}',
  'session.checking': '正在核对身份…',
  'session.admin': '管理员',
  'session.readOnly': '只读',
  'session.keyLabel': 'API 密钥',
  'session.submit': '登录',
  'session.hint': '登录一次，本浏览器的所有标签页 {hours} 小时内有效；退出登录会在所有标签页清除密钥。',
  'session.badKey': '这个密钥无效，请核对后重新输入。',
  'session.unreachable': '无法连接服务器核对密钥，请稍后再试。',
} as const;
